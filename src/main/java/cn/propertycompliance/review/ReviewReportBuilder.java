package cn.propertycompliance.review;

import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.ruleset.Problem;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.ReleaseBuilder;
import cn.propertycompliance.ruleset.ReleaseException;
import cn.propertycompliance.ruleset.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the {@link ReviewReport} of a release: runs its cases, traces its clauses, looks for gaps and conflicts. */
public final class ReviewReportBuilder {

    private final RegionTable regions;
    private final Evaluator evaluator;

    public ReviewReportBuilder(RegionTable regions, Evaluator evaluator) {
        this.regions = regions;
        this.evaluator = evaluator;
    }

    /** Builds the release from the files and reports on it; files that do not build give a report of their problems. */
    public ReviewReport build(Path rulesDir, Path policiesDir, String label) {
        List<SourceFile> files = ReleaseBuilder.files(rulesDir, policiesDir);
        Release release;
        try {
            release = new ReleaseBuilder(regions).build(files, label);
        } catch (ReleaseException e) {
            return ReviewReport.failed(ReleaseBuilder.releaseId(files), e.problems());
        }
        return build(release);
    }

    public ReviewReport build(Release release) {
        List<CaseRun> runs = new CaseExercises(release, regions, evaluator).runAll();
        TraceBuilder traces = new TraceBuilder(release, runs);
        List<RuleTrace> rules = traces.rules();
        List<DocumentTrace> documents = traces.documents();
        return new ReviewReport(release.id(), release.label(), documents, rules,
                new AttentionFinder(release, regions).find(documents, runs),
                new ConflictFinder(regions, release.policies()).find(new ArrayList<>(release.parameters().tables())),
                OverrideReview.of(release),
                Coverage.of(rules, documents, runs),
                runs,
                // Sorted: the loader's order of warnings follows hash maps and may differ between JVMs.
                release.warnings().stream().sorted(Comparator.comparing(Problem::file).thenComparingInt(Problem::line)
                        .thenComparing(Problem::message)).toList(),
                List.of(),
                layerNames(release),
                release.coverage().declarations().stream()
                        .sorted(Comparator.comparing(cn.propertycompliance.coverage.AreaCoverage::jurisdiction)
                                .thenComparing(cn.propertycompliance.coverage.AreaCoverage::area)).toList());
    }

    /** Names of every layer the report mentions, so the renderers need no region table. */
    private Map<String, String> layerNames(Release release) {
        Map<String, String> names = new TreeMap<>();
        release.rules().forEach(r -> names.put(r.jurisdiction(), ""));
        release.jurisdictions().forEach(j -> names.put(j.code(), ""));
        release.parameters().tables().forEach(t -> t.entries().forEach(e -> names.put(e.jurisdiction(), "")));
        release.policies().documents().forEach(d -> names.put(d.jurisdiction(), ""));
        release.cases().forEach(c -> {
            if (c.jurisdiction() != null) {
                names.put(c.jurisdiction(), "");
            }
        });
        names.replaceAll((code, empty) -> regions.name(code).orElse("未知地区"));
        return Map.copyOf(names);
    }
}
