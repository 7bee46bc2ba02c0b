package cn.propertycompliance.ruleset;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.runtime.KieContainer;

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
        KieServices ks = KieServices.get();
        KieFileSystem kfs = ks.newKieFileSystem();
        // A unique module id per build: the KieRepository is global, and tests build several releases.
        ReleaseId moduleId = ks.newReleaseId("cn.propertycompliance.release", "rules",
                releaseId.substring(Math.max(0, releaseId.length() - 12)) + "." + BUILDS.incrementAndGet());
        kfs.generateAndWritePomXML(moduleId);
        Map<String, SourceFile> byResource = new HashMap<>();
        kfs.write("src/main/resources/cn/propertycompliance/globals/globals.drl", GLOBALS_DRL);
        for (RuleLoader.ParsedDrl drl : drls) {
            // Each DRL under the folder of its package (Drools resolves packages from paths); the file name keeps
            // the rules/ path so messages can be traced back.
            String resource = "src/main/resources/" + drl.pkg().getName().replace('.', '/') + "/"
                    + drl.file().path().replace('/', '_');
            byResource.put(resource.substring("src/main/resources/".length()), drl.file());
            kfs.write(resource, RuleScoping.scoped(drl.file(), drl.pkg(), rules, problems));
        }
        if (guard.checkBytecode()) {
            drls.forEach(drl -> BytecodeCheck.beforeCompiling(drl.file(), drl.pkg(), problems));
        }
        if (problems.hasErrors()) {
            return null;
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll();
        for (Message m : builder.getResults().getMessages(Message.Level.ERROR)) {
            SourceFile file = m.getPath() == null ? null : byResource.get(m.getPath().replaceFirst("^src/main/resources/", ""));
            String where = file == null ? String.valueOf(m.getPath()) : file.path();
            problems.error(where, Math.max(1, m.getLine()), m.getText().strip().replaceAll("\\s*\\n\\s*", " "));
        }
        if (problems.hasErrors()) {
            ks.getRepository().removeKieModule(moduleId);
            return null;
        }
        KieContainer container = ks.newKieContainer(moduleId);
        KieBase base = container.getKieBase();
        if (guard.checkBytecode()) {
            BytecodeCheck.check(base, rules, problems);
            if (problems.hasErrors()) {
                ks.getRepository().removeKieModule(moduleId);
                return null;
            }
        }
        ks.getRepository().removeKieModule(moduleId);
        return base;
    }
}
