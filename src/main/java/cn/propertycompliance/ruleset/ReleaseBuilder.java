package cn.propertycompliance.ruleset;

import cn.propertycompliance.calendar.LegalCalendar;
import cn.propertycompliance.coverage.AreaCoverage;
import cn.propertycompliance.coverage.CoverageMap;
import cn.propertycompliance.parameters.ParameterSet;
import cn.propertycompliance.policy.CitationRef;
import cn.propertycompliance.policy.PolicyDocument;
import cn.propertycompliance.policy.PolicyLibrary;
import cn.propertycompliance.region.RegionTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.kie.api.KieBase;

/**
 * Turns the files under {@code rules/} and {@code policies/} into a {@link Release}: read, validate, lint, compile.
 * Every problem found is collected and reported together as {@code file:line: reason}; nothing half-valid is returned.
 */
public final class ReleaseBuilder {

    private final RegionTable regions;
    private final RuleGuard guard;

    public ReleaseBuilder(RegionTable regions) {
        this(regions, RuleGuard.BOTH);
    }

    public ReleaseBuilder(RegionTable regions, RuleGuard guard) {
        this.regions = regions;
        this.guard = guard;
    }

    /** Builds from {@code <root>/rules} and {@code <root>/policies}. */
    public Release build(Path rulesDir, Path policiesDir, String label) {
        return build(files(rulesDir, policiesDir), label);
    }

    /**
     * The files of a release, sorted by path, as the builder reads them: what the review report hashes to name a set
     * of files whose release could not be built.
     */
    public static List<SourceFile> files(Path rulesDir, Path policiesDir) {
        List<SourceFile> files = new ArrayList<>();
        files.addAll(read(rulesDir, "rules"));
        files.addAll(read(policiesDir, "policies"));
        files.sort(Comparator.comparing(SourceFile::path));
        return files;
    }

    public Release build(List<SourceFile> files, String label) {
        Checked checked = check(files, label);
        if (checked.release() == null) {
            throw new ReleaseException(checked.errors());
        }
        return checked.release();
    }

    /**
     * The outcome of checking a set of files: the release when they make one, else null; every error of every stage
     * that could run. {@code warnings} are review notes, never a reason to refuse.
     */
    public record Checked(Release release, List<Problem> errors, List<Problem> warnings) {
    }

    /**
     * Runs every stage and collects all problems: loading (policies, tables, rules, cases) and compiling run even
     * when another file already failed, so an officer sees a wrong {@code @cite} and a compile error of the same
     * file at once. Only the release itself needs all of them to pass.
     */
    public Checked check(List<SourceFile> files, String label) {
        String id = releaseId(files);
        Problems problems = new Problems();

        PolicyLibrary policies = new PolicyLoader(regions).load(select(files, f -> f.path().matches("policies/[^/]+\\.ya?ml")), problems);
        checkVerbatim(policies, files, problems);
        Map<String, Jurisdiction> jurisdictions = new JurisdictionLoader(regions)
                .load(select(files, f -> f.path().startsWith("rules/") && f.fileName().equals("jurisdiction.yaml")), problems);
        ParameterSet parameters = new ParameterLoader(policies)
                .load(select(files, f -> f.path().startsWith("rules/") && f.folder().endsWith("/parameters") && isYaml(f)),
                        jurisdictions, problems);
        parameters = TableTypes.bind(parameters, problems);
        LegalCalendar calendar = loadCalendar(files, problems);
        RuleLoader ruleLoader = new RuleLoader(policies, regions, guard);
        List<RuleLoader.ParsedDrl> drls = ruleLoader.parse(select(files, f -> f.path().startsWith("rules/") && f.path().endsWith(".drl")),
                jurisdictions, problems);
        Map<String, RuleMeta> rules = ruleLoader.metadata(drls, tablesByName(parameters), problems);
        List<ScenarioCase> cases = new CaseLoader()
                .load(select(files, f -> f.path().startsWith("rules/") && f.folder().endsWith("/cases") && isYaml(f)), jurisdictions, problems);
        checkCaseCites(cases, policies, problems);
        CoverageMap coverage = coverage(jurisdictions.values(), policies, problems);

        // A file the rule guard refused is never compiled (Drools runs declarations' initialisers while compiling, and
        // some constructs make its compiler spin). Otherwise the compiler reports into its own list: it stops early when
        // that list has errors, and the load errors above must not keep it from finding the compile errors too.
        if (ruleLoader.refusedByGuard()) {
            return new Checked(null, problems.errors(), problems.warnings());
        }
        Problems compileProblems = new Problems();
        KieBase kieBase = new ReleaseCompiler(guard).compile(drls, rules, id, compileProblems);
        compileProblems.errors().forEach(p -> problems.error(p.file(), p.line(), p.message()));
        if (problems.hasErrors() || kieBase == null) {
            return new Checked(null, problems.errors(), problems.warnings());
        }
        warnUncited(policies, rules, parameters, coverage, problems);
        Release release = new Release(id, label == null || label.isBlank() ? "dev-" + id.substring(7, 19) : label, Instant.now(), kieBase,
                rules, policies, parameters, calendar, cases, jurisdictions.values(), files, problems.warnings(), coverage,
                ConditionProbes.of(id, drls, rules));
        return new Checked(release, List.of(), problems.warnings());
    }

    /**
     * The statutory-holiday table is part of the release (its file is under rules/, so in the release id). Without one
     * the calendar knows no date and every period that needs it is INDETERMINATE — allowed, but worth a warning.
     */
    private static LegalCalendar loadCalendar(List<SourceFile> files, Problems problems) {
        List<SourceFile> calendarFiles = CalendarLoader.select(files);
        if (calendarFiles.isEmpty()) {
            problems.warning(CalendarLoader.FOLDER, 0, "no statutory-holiday table: legal periods will be INDETERMINATE");
            return LegalCalendar.empty();
        }
        return new CalendarLoader().load(calendarFiles, problems);
    }

    /** SHA-256 over the sorted paths and bytes of every file: the same files give the same id on every replica. */
    public static String releaseId(List<SourceFile> sortedFiles) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (SourceFile f : sortedFiles) {
                sha.update(f.path().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.bytes());
                sha.update((byte) 0);
            }
            return "sha256:" + java.util.HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A clause text must appear word for word in the source file it names (whitespace aside), so a finding never
     * shows a retyped or paraphrased law. Documents read from a URL (SECONDARY copies) are checked by review.
     */
    private static void checkVerbatim(PolicyLibrary policies, List<SourceFile> files, Problems problems) {
        Map<String, String> normalised = new HashMap<>();
        for (PolicyDocument doc : policies.documents()) {
            if (doc.source() == null || doc.source().contains("://")) {
                continue;
            }
            String path = "policies/" + doc.source();
            String source = normalised.computeIfAbsent(path, p -> files.stream().filter(f -> f.path().equals(p))
                    .findFirst().map(f -> withoutWhitespace(f.text())).orElse(null));
            if (source == null) {
                problems.error(doc.file(), 1, "source " + doc.source() + " is not a file under policies/");
                continue;
            }
            doc.clauses().values().forEach(c -> {
                if (!source.contains(withoutWhitespace(c.text()))) {
                    problems.error(doc.file(), c.line(), "clause " + c.id() + " is not word for word in " + doc.source());
                }
            });
        }
    }

    /** Coverage citations must name clauses of policies/, like a rule's. */
    private CoverageMap coverage(java.util.Collection<Jurisdiction> jurisdictions, PolicyLibrary policies, Problems problems) {
        List<AreaCoverage> all = jurisdictions.stream().flatMap(j -> j.coverage().stream()).toList();
        for (AreaCoverage c : all) {
            Stream.of(c.cite(), c.before().cite(), c.after().cite()).flatMap(List::stream).distinct()
                    .filter(ref -> policies.resolve(ref).isEmpty())
                    .forEach(ref -> problems.error(c.file(), c.line(), "coverage." + c.area() + ": cite '" + ref
                            + "' names no clause in policies/"));
        }
        return new CoverageMap(all, code -> regions.name(code).orElse(code));
    }

    /** A case that expects a citation of a clause that does not exist could never pass: say so at load, with its line. */
    private static void checkCaseCites(List<ScenarioCase> cases, PolicyLibrary policies, Problems problems) {
        for (ScenarioCase c : cases) {
            c.findings().stream().flatMap(f -> f.cites().stream()).distinct()
                    .filter(ref -> CitationRef.parse(ref).flatMap(policies::resolve).isEmpty())
                    .forEach(ref -> problems.error(c.file(), c.line(), "case '" + c.name() + "': cites '" + ref
                            + "' names no clause in policies/"));
        }
    }

    private static void warnUncited(PolicyLibrary policies, Map<String, RuleMeta> rules, ParameterSet parameters,
                                    CoverageMap coverage, Problems problems) {
        Set<String> cited = new HashSet<>();
        rules.values().forEach(r -> r.cite().forEach(c -> cited.add(c.toString())));
        parameters.tables().forEach(t -> t.entries().forEach(e -> e.cite().forEach(c -> cited.add(c.toString()))));
        coverage.declarations().forEach(c -> Stream.of(c.cite(), c.before().cite(), c.after().cite())
                .flatMap(List::stream).forEach(ref -> cited.add(ref.toString())));
        for (PolicyDocument doc : policies.documents()) {
            doc.clauses().values().stream().filter(c -> !cited.contains(doc.id() + "#" + c.id()))
                    .forEach(c -> problems.warning(doc.file(), c.line(), "clause " + c.id() + " is cited by no rule or parameter"));
        }
    }

    private static String withoutWhitespace(String s) {
        return s.replaceAll("[\\s\\u3000]+", "");
    }

    private static Map<String, cn.propertycompliance.parameters.ParameterTable> tablesByName(ParameterSet parameters) {
        Map<String, cn.propertycompliance.parameters.ParameterTable> byName = new HashMap<>();
        parameters.tables().forEach(t -> byName.put(t.name(), t));
        return byName;
    }

    private static boolean isYaml(SourceFile f) {
        return f.path().endsWith(".yaml") || f.path().endsWith(".yml");
    }

    private static List<SourceFile> select(List<SourceFile> files, java.util.function.Predicate<SourceFile> filter) {
        return files.stream().filter(filter).toList();
    }

    private static List<SourceFile> read(Path dir, String prefix) {
        if (!Files.isDirectory(dir)) {
            throw new ReleaseException(List.of(new Problem(dir.toString(), 0, "folder does not exist (looked for "
                    + dir.toAbsolutePath().normalize() + "; set compliance." + prefix + "-dir, e.g. COMPLIANCE_"
                    + prefix.toUpperCase(java.util.Locale.ROOT) + "_DIR, or start the service from the project folder)")));
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> new SourceFile(prefix + "/" + dir.relativize(p).toString().replace('\\', '/'), readBytes(p)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readBytes(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
