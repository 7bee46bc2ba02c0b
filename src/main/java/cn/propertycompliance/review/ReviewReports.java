package cn.propertycompliance.review;

import cn.propertycompliance.ruleset.Release;

/**
 * The service's copy of the report of the release in use: built on first request (it runs every scenario case) and
 * kept until another release is active. Same release, same page.
 */
public final class ReviewReports {

    /** One release's report: the browser's pages (by path under /review, "" = summary) and the one Markdown file. */
    public record Rendered(String releaseId, ReviewReport report, java.util.Map<String, String> pages, String markdown) {
    }

    private final ReviewReportBuilder builder;
    private final java.util.function.Function<String, String> base;
    private Rendered last;

    public ReviewReports(ReviewReportBuilder builder) {
        this(builder, releaseId -> ReviewPages.BASE);
    }

    /** Pages that link under {@code base.apply(releaseId)} (the console shows any stored release's report). */
    public ReviewReports(ReviewReportBuilder builder, java.util.function.Function<String, String> base) {
        this.builder = builder;
        this.base = base;
    }

    public synchronized Rendered of(Release release) {
        if (last == null || !last.releaseId().equals(release.id())) {
            ReviewReport report = builder.build(release);
            last = new Rendered(release.id(), report, ReportLayout.pages(report, base.apply(release.id())), ReportLayout.markdown(report));
        }
        return last;
    }
}
