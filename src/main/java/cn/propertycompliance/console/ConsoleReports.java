package cn.propertycompliance.console;

import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.review.ReviewReportBuilder;
import cn.propertycompliance.review.ReviewReports;
import cn.propertycompliance.ruleset.ActiveRelease;
import cn.propertycompliance.ruleset.Release;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The legal review reports the console reads (the same model as /review): one for the release in service, which the
 * browse pages take their rule and clause traces from, and one for the release a reviewer is looking at. Each is built
 * once per release (it runs every scenario case) and kept; its pages link under /console/releases/{id}/report.
 */
@Component
class ConsoleReports {

    private static final Logger log = LoggerFactory.getLogger(ConsoleReports.class);

    static String base(String releaseId) {
        return "/console/releases/" + releaseId + "/report";
    }

    private final ReviewReports served;
    private final ReviewReports reviewed;

    ConsoleReports(RegionTable regions, Evaluator evaluator, ActiveRelease active) {
        this.served = new ReviewReports(new ReviewReportBuilder(regions, evaluator), ConsoleReports::base);
        this.reviewed = new ReviewReports(new ReviewReportBuilder(regions, evaluator), ConsoleReports::base);
        // Building a report runs every scenario case (1.5–2.4 s): do it when a release goes into service, not on the
        // first rule or clause page someone opens. A page asked for meanwhile waits for this build, never a second one.
        active.onActivate(release -> prepare(served, release.id(), () -> release));
    }

    /** Builds (compiling if need be) the report of a release under review in the background, so its pages answer at once. */
    void prepareReviewed(String releaseId, Supplier<Release> release) {
        prepare(reviewed, releaseId, release);
    }

    private static void prepare(ReviewReports reports, String releaseId, Supplier<Release> release) {
        Thread t = new Thread(() -> {
            try {
                reports.of(release.get());
            } catch (RuntimeException e) {
                log.warn("review report of release {} could not be prepared; it is built when a page asks: {}", releaseId, e.toString());
            }
        }, "console-report");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    ReviewReports.Rendered of(Release release, boolean inService) {
        return (inService ? served : reviewed).of(release);
    }
}
