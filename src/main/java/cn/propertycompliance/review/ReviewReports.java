package cn.propertycompliance.review;

import cn.propertycompliance.ruleset.Release;

/**
 * The service's copy of the report of the release in use: built on first request (it runs every scenario case) and
 * kept until another release is active. Same release, same page.
 */
public final class ReviewReports {

    /** One release's report in both forms. */
    public record Rendered(String releaseId, ReviewReport report, String html, String markdown) {
    }

    private final ReviewReportBuilder builder;
    private Rendered last;

    public ReviewReports(ReviewReportBuilder builder) {
        this.builder = builder;
    }

    public synchronized Rendered of(Release release) {
        if (last == null || !last.releaseId().equals(release.id())) {
            ReviewReport report = builder.build(release);
            last = new Rendered(release.id(), report, ReportLayout.html(report), ReportLayout.markdown(report));
        }
        return last;
    }
}
