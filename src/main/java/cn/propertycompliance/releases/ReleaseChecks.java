package cn.propertycompliance.releases;

import cn.propertycompliance.review.CaseRun;
import cn.propertycompliance.review.ReportLayout;
import cn.propertycompliance.review.ReviewReport;
import cn.propertycompliance.review.ReviewReportBuilder;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.BoundedBuild;
import cn.propertycompliance.ruleset.ReleaseBuilder;
import cn.propertycompliance.ruleset.ReleaseException;
import cn.propertycompliance.ruleset.SourceFile;
import java.util.List;

/**
 * Runs every check on a candidate: load (policies, tables, rules, cases), guard, compile, citations — all problems of
 * all stages — and, when the files make a release, every scenario case and the legal review report the reviewer
 * signs off (its hash goes into the manifest).
 */
public final class ReleaseChecks {

    /** The candidate's release (null when the files do not make one), its results and its review report's hash. */
    public record Outcome(Release release, CheckResults results, String reviewReportSha256) {
    }

    private final ReleaseBuilder builder;
    private final ReviewReportBuilder reports;
    /** A build still running after its deadline is abandoned (the rule guard's time budget: a compiler that spins). */
    private final BoundedBuild builds;

    public ReleaseChecks(ReleaseBuilder builder, ReviewReportBuilder reports, BoundedBuild builds) {
        this.builder = builder;
        this.reports = reports;
        this.builds = builds;
    }

    public Outcome run(List<SourceFile> files, String label) {
        ReleaseBuilder.Checked checked = checkWithinDeadline(files, label);
        if (checked.release() == null) {
            return new Outcome(null, new CheckResults(checked.errors(), checked.warnings().size(),
                    new CheckResults.Cases(0, List.of())), null);
        }
        return run(checked.release());
    }

    /** The build under the deadline: one that does not end in time is answered as its problem. */
    private ReleaseBuilder.Checked checkWithinDeadline(List<SourceFile> files, String label) {
        try {
            return builds.run("release-check", () -> builder.check(files, label));
        } catch (ReleaseException e) {
            return new ReleaseBuilder.Checked(null, e.problems(), List.of());
        }
    }

    /** The cases and review report of files already built into a release (start-up compiled them once). */
    public Outcome run(Release built) {
        ReviewReport report = reports.build(built);
        List<CheckResults.FailedCase> failed = report.cases().stream().filter(run -> !run.passed())
                .map(ReleaseChecks::failed).toList();
        return new Outcome(built, new CheckResults(List.of(), built.warnings().size(),
                new CheckResults.Cases(report.cases().size(), failed)), ReleaseManifest.sha256(ReportLayout.markdown(report)));
    }

    /** The review report the reviewer signs off, as Markdown: its SHA-256 is the one the checks stored. */
    public String reviewReport(Release built) {
        return ReportLayout.markdown(reports.build(built));
    }

    private static CheckResults.FailedCase failed(CaseRun run) {
        return new CheckResults.FailedCase(run.scenario().file(), run.scenario().name(), String.join("; ", run.failures()));
    }
}
