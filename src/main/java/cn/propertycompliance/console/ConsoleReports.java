package cn.propertycompliance.console;

import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.review.ReviewReportBuilder;
import cn.propertycompliance.review.ReviewReports;
import cn.propertycompliance.ruleset.Release;
import org.springframework.stereotype.Component;

/**
 * The legal review reports the console reads (the same model as /review): one for the release in service, which the
 * browse pages take their rule and clause traces from, and one for the release a reviewer is looking at. Each is built
 * once per release (it runs every scenario case) and kept; its pages link under /console/releases/{id}/report.
 */
@Component
class ConsoleReports {

    static String base(String releaseId) {
        return "/console/releases/" + releaseId + "/report";
    }

    private final ReviewReports served;
    private final ReviewReports reviewed;

    ConsoleReports(RegionTable regions, Evaluator evaluator) {
        this.served = new ReviewReports(new ReviewReportBuilder(regions, evaluator), ConsoleReports::base);
        this.reviewed = new ReviewReports(new ReviewReportBuilder(regions, evaluator), ConsoleReports::base);
    }

    ReviewReports.Rendered of(Release release, boolean inService) {
        return (inService ? served : reviewed).of(release);
    }
}
