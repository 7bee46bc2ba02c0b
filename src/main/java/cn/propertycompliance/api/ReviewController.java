package cn.propertycompliance.api;

import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.review.ReviewReportBuilder;
import cn.propertycompliance.review.ReviewReports;
import cn.propertycompliance.ruleset.ActiveRelease;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The legal review report of the release in use: {@code /review} as an HTML page for reviewers, {@code /review.md}
 * as the Markdown file the build command also writes.
 */
@RestController
class ReviewController {

    private static final MediaType HTML = new MediaType("text", "html", StandardCharsets.UTF_8);
    private static final MediaType MARKDOWN = new MediaType("text", "markdown", StandardCharsets.UTF_8);

    private final ActiveRelease active;
    private final ReviewReports reports;

    ReviewController(ActiveRelease active, RegionTable regions, Evaluator evaluator) {
        this.active = active;
        this.reports = new ReviewReports(new ReviewReportBuilder(regions, evaluator));
    }

    @Operation(summary = "Legal review report (HTML): clause ↔ rule traceability, gaps, conflicts, coverage")
    @GetMapping(value = "/review", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> html() {
        return ResponseEntity.ok().contentType(HTML).body(reports.of(active.current()).html());
    }

    @Operation(summary = "Legal review report (Markdown)")
    @GetMapping(value = "/review.md", produces = "text/markdown")
    ResponseEntity<String> markdown() {
        return ResponseEntity.ok().contentType(MARKDOWN).body(reports.of(active.current()).markdown());
    }
}
