package cn.propertycompliance.api;

import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.review.ReviewPages;
import cn.propertycompliance.review.ReviewReportBuilder;
import cn.propertycompliance.review.ReviewReports;
import cn.propertycompliance.ruleset.ActiveRelease;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The legal review report of the release in use: {@code /review} and the pages below it (one per document and per
 * section, the summary first) for reviewers in a browser; {@code /review.md} as the one Markdown file the build
 * command also writes.
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

    @Operation(summary = "Legal review report (HTML): summary and contents; documents and sections on their own pages")
    @GetMapping(value = "/review", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> html() {
        return page("");
    }

    @Operation(summary = "A section of the review report: attention, conflicts, coverage, law-coverage, rules, cases or notes")
    @GetMapping(value = "/review/{section}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> section(@PathVariable String section) {
        return page(section);
    }

    @Operation(summary = "One document of the review report: its clauses with the rules, values and cases that trace to them")
    @GetMapping(value = "/review/documents/{documentId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> document(@PathVariable String documentId) {
        return page(ReviewPages.document(documentId));
    }

    private ResponseEntity<String> page(String path) {
        String html = reports.of(active.current()).pages().get(path);
        if (html == null) {
            throw new NotFoundException("no review page " + path);
        }
        return ResponseEntity.ok().contentType(HTML).body(html);
    }

    @Operation(summary = "Legal review report (Markdown)")
    @GetMapping(value = "/review.md", produces = "text/markdown")
    ResponseEntity<String> markdown() {
        return ResponseEntity.ok().contentType(MARKDOWN).body(reports.of(active.current()).markdown());
    }
}
