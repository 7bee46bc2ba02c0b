package cn.propertycompliance.ruleset;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;

/** Compiles the DRL files of a release into one KieBase (classic DRL/mvel path), once per release. */
final class ReleaseCompiler {

    /** Globals every evaluation sets; declared here so a release is valid even if no rule uses one of them. */
    static final String GLOBALS_DRL = """
            package cn.propertycompliance.globals;
            global cn.propertycompliance.evaluation.FindingCollector findings;
            global cn.propertycompliance.parameters.ParameterView params;
            global cn.propertycompliance.calendar.LegalCalendar calendar;
            """;

    private static final AtomicLong BUILDS = new AtomicLong();

    private final RuleGuard guard;

    ReleaseCompiler(RuleGuard guard) {
        this.guard = guard;
    }

    KieBase compile(List<RuleLoader.ParsedDrl> drls, Map<String, RuleMeta> rules, String releaseId, Problems problems) {
        Map<String, SourceFile> byResource = new HashMap<>();
        Map<String, String> resources = new LinkedHashMap<>();
        resources.put("cn/propertycompliance/globals/globals.drl", GLOBALS_DRL);
        for (RuleLoader.ParsedDrl drl : drls) {
            byResource.put(resourcePath(drl), drl.file());
            resources.put(resourcePath(drl), RuleScoping.scoped(drl.file(), drl.pkg(), rules, problems));
        }
        if (guard.checkBytecode()) {
            drls.forEach(drl -> BytecodeCheck.beforeCompiling(drl.file(), drl.pkg(), problems));
        }
        if (problems.hasErrors()) {
            return null;
        }
        return build(releaseId, resources, m -> {
            SourceFile file = m.getPath() == null ? null : byResource.get(m.getPath().replaceFirst("^src/main/resources/", ""));
            String where = file == null ? String.valueOf(m.getPath()) : file.path();
            problems.error(where, Math.max(1, m.getLine()), m.getText().strip().replaceAll("\\s*\\n\\s*", " "));
        }, base -> {
            if (guard.checkBytecode()) {
                BytecodeCheck.check(base, rules, problems);
            }
            return !problems.hasErrors();
        });
    }

    /**
     * Each DRL under the folder of its package (Drools resolves packages from paths); the file name keeps the rules/
     * path so messages can be traced back.
     */
    static String resourcePath(RuleLoader.ParsedDrl drl) {
        return drl.pkg().getName().replace('.', '/') + "/" + drl.file().path().replace('/', '_');
    }

    /** Compiles DRL resources (path under src/main/resources → text) into a KieBase; null, with the errors reported, if they do not compile. */
    static KieBase build(String name, Map<String, String> resources, Problems problems) {
        return build(name, resources, m -> problems.error(String.valueOf(m.getPath()), Math.max(1, m.getLine()),
                m.getText().strip().replaceAll("\\s*\\n\\s*", " ")), base -> true);
    }

    private static KieBase build(String name, Map<String, String> resources, Consumer<Message> onError, Predicate<KieBase> accept) {
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        // A unique module id per build: the KieRepository is global, and tests build several releases.
        String version = name.replaceAll("[^A-Za-z0-9.]", "");
        ReleaseId moduleId = ks.newReleaseId("cn.propertycompliance.release", "rules",
                version.substring(Math.max(0, version.length() - 20)) + "." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(moduleId);
        resources.forEach((path, text) -> kfs.write("src/main/resources/" + path, text));
        try {
            KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
            List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
            if (!errors.isEmpty()) {
                errors.forEach(onError);
                return null;
            }
            KieBase base = ks.newKieContainer(moduleId).getKieBase();
            return accept.test(base) ? base : null;
        } finally {
            ks.getRepository().removeKieModule(moduleId);
        }
    }
}
