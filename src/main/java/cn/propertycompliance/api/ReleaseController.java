package cn.propertycompliance.api;

import cn.propertycompliance.ComplianceProperties;
import cn.propertycompliance.releases.CheckResults;
import cn.propertycompliance.releases.ImpactReplay;
import cn.propertycompliance.releases.ImpactReport;
import cn.propertycompliance.releases.ReleaseDiff;
import cn.propertycompliance.releases.ReleaseEvent;
import cn.propertycompliance.releases.ReleaseRefusal;
import cn.propertycompliance.releases.ReleaseService;
import cn.propertycompliance.releases.ReleaseState;
import cn.propertycompliance.releases.ReplicaFollower;
import cn.propertycompliance.releases.ReplicaStatus;
import cn.propertycompliance.releases.StoredRelease;
import cn.propertycompliance.ruleset.ActiveRelease;
import cn.propertycompliance.ruleset.Problem;
import cn.propertycompliance.ruleset.Release;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Rule releases (api.md): submit a candidate (archive or the configured folders) and get every check's result;
 * history, diff, impact on recorded decisions, a second client's signed approval, activation on every replica.
 * HTTP only: the lifecycle is {@link ReleaseService}.
 */
@RestController
@RequestMapping("/api/v1/releases")
class ReleaseController {

    record ReleaseView(String releaseId, String label, Instant builtAt, int rules, int parameterTables, int documents,
                       int cases) {
        static ReleaseView of(Release r) {
            return new ReleaseView(r.id(), r.label(), r.builtAt(), r.rules().size(), r.parameters().tables().size(),
                    r.policies().documents().size(), r.cases().size());
        }
    }

    /** The release this replica serves, and what every live replica serves. */
    record CurrentView(String releaseId, String label, Instant builtAt, int rules, int parameterTables, int documents,
                       int cases, String replica, List<ReplicaStatus> replicas) {
    }

    record SubmissionView(String id, String label, ReleaseState state, String submittedBy, OffsetDateTime submittedAt,
                          List<Problem> problems, int reviewNotes, CheckResults.Cases cases, String reviewReportSha256,
                          ReleaseDiff diff) {
        static SubmissionView of(StoredRelease r, ReleaseDiff diff) {
            return new SubmissionView(r.id(), r.label(), r.state(), r.submittedBy(), r.submittedAt(), r.checks().problems(),
                    r.checks().reviewNotes(), r.checks().cases(), r.reviewReportSha256(), diff);
        }
    }

    record Summary(String id, String label, ReleaseState state, String submittedBy, OffsetDateTime submittedAt,
                   String approvedBy, OffsetDateTime activatedAt) {
        static Summary of(StoredRelease r) {
            return new Summary(r.id(), r.label(), r.state(), r.submittedBy(), r.submittedAt(), r.approvedBy(), r.activatedAt());
        }
    }

    record Detail(String id, String label, ReleaseState state, String submittedBy, OffsetDateTime submittedAt,
                  List<Problem> problems, int reviewNotes, CheckResults.Cases cases, String reviewReportSha256,
                  String approvedBy, OffsetDateTime approvedAt, String manifest, String signatureKeyId, boolean signed,
                  OffsetDateTime activateAt, OffsetDateTime activatedAt, List<ReleaseEvent> history) {
        static Detail of(StoredRelease r, List<ReleaseEvent> history) {
            return new Detail(r.id(), r.label(), r.state(), r.submittedBy(), r.submittedAt(), r.checks().problems(),
                    r.checks().reviewNotes(), r.checks().cases(), r.reviewReportSha256(), r.approvedBy(), r.approvedAt(),
                    r.manifest(), r.signatureKeyId(), r.signature() != null, r.activateAt(), r.activatedAt(), history);
        }
    }

    record Approval(String decision, String comment) {
    }

    record Activation(OffsetDateTime at) {
    }

    private final ActiveRelease active;
    private final ReleaseService releases;
    private final ReplicaFollower replica;
    private final long maxArchiveBytes;

    ReleaseController(ActiveRelease active, ReleaseService releases, ReplicaFollower replica, ComplianceProperties props) {
        this.active = active;
        this.releases = releases;
        this.replica = replica;
        this.maxArchiveBytes = props.releases().archive().maxBytes();
    }

    @Operation(summary = "The release this replica serves, and the release each live replica serves")
    @GetMapping("/current")
    CurrentView current() {
        ReleaseView r = ReleaseView.of(active.current());
        return new CurrentView(r.releaseId(), r.label(), r.builtAt(), r.rules(), r.parameterTables(), r.documents(), r.cases(),
                replica.replicaId(), replica.liveReplicas());
    }

    @Operation(summary = "Submit a candidate: a .tar.gz or .zip of rules/ + policies/ as the body, or no body for the "
            + "configured folders. Runs every check; 201 CHECKED or REJECTED, 200 when the same content is already stored",
            parameters = @io.swagger.v3.oas.annotations.Parameter(name = "label", in = io.swagger.v3.oas.annotations.enums.ParameterIn.QUERY,
                    description = "human name shown next to the content id"),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = false,
                    description = "the archive (absent: the configured folders)", content = {
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/gzip",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary")),
                    @io.swagger.v3.oas.annotations.media.Content(mediaType = "application/zip",
                            schema = @io.swagger.v3.oas.annotations.media.Schema(type = "string", format = "binary"))}))
    @PostMapping
    ResponseEntity<SubmissionView> submit(HttpServletRequest request) throws IOException {
        String contentType = request.getContentType() == null ? "" : request.getContentType().toLowerCase(java.util.Locale.ROOT);
        if (contentType.startsWith("application/x-www-form-urlencoded") || contentType.startsWith("multipart/")) {
            // A form body would be parsed as parameters and the archive lost (curl --data-binary sends this type).
            throw new ReleaseRefusal(ReleaseRefusal.Kind.INVALID_REQUEST, "send the archive as the raw body with Content-Type "
                    + "application/gzip, application/zip or application/octet-stream, not " + contentType,
                    List.of("Content-Type: " + contentType + " is not an archive type"));
        }
        String label = queryParameter(request, "label");
        byte[] body = readBody(request);
        String by = Caller.of(request).name();
        ReleaseService.Submission s = body.length == 0 ? releases.submitFolders(label, by) : releases.submitArchive(body, label, by);
        return ResponseEntity.status(s.created() ? HttpStatus.CREATED : HttpStatus.OK).body(SubmissionView.of(s.release(), s.diff()));
    }

    @Operation(summary = "Release history, newest first, with states")
    @GetMapping
    List<Summary> list(@RequestParam(defaultValue = "100") int limit) {
        return releases.list(limit).stream().map(Summary::of).toList();
    }

    @Operation(summary = "One release: checks, sign-off, signature, activation and its audit history")
    @GetMapping("/{id}")
    Detail get(@PathVariable String id) {
        return Detail.of(releases.get(id), releases.history(id));
    }

    @Operation(summary = "What changes from `against` (a release id or `active`) to this release")
    @GetMapping("/{id}/diff")
    ReleaseDiff diff(@PathVariable String id, @RequestParam(defaultValue = "active") String against) {
        return releases.diff(id, against);
    }

    @Operation(summary = "The candidate's legal review report (Markdown): what the reviewer signs off; its SHA-256 is in the manifest")
    @GetMapping(value = "/{id}/review.md", produces = "text/markdown;charset=UTF-8")
    String review(@PathVariable String id) {
        return releases.reviewReport(id);
    }

    @Operation(summary = "Replay recorded decisions (optional from, to, region, limit) through this release: changed verdicts")
    @PostMapping("/{id}/impact")
    ImpactReport impact(@PathVariable String id, @RequestBody(required = false) ImpactReplay.Query query) {
        return releases.impact(id, query == null ? new ImpactReplay.Query(null, null, null, null) : query);
    }

    @Operation(summary = "Legal sign-off (REVIEWER): APPROVE signs the manifest, REJECT ends the release; never the submitter")
    @PostMapping("/{id}/approvals")
    Detail approve(@PathVariable String id, @RequestBody Approval approval, HttpServletRequest request) {
        StoredRelease r = releases.decide(id, approval.decision(), approval.comment(), Caller.of(request).name());
        return Detail.of(r, releases.history(id));
    }

    @Operation(summary = "Put an approved release in service on every replica, now or at `at` (rollback: an earlier one)")
    @PostMapping("/{id}/activation")
    Detail activate(@PathVariable String id, @RequestBody(required = false) Activation activation, HttpServletRequest request) {
        StoredRelease r = releases.activate(id, activation == null ? null : activation.at(), Caller.of(request).name());
        return Detail.of(r, releases.history(id));
    }

    /** From the query string only: asking the servlet for parameters would read a form body. */
    private static String queryParameter(HttpServletRequest request, String name) {
        String value = org.springframework.web.util.UriComponentsBuilder.newInstance().query(request.getQueryString()).build()
                .getQueryParams().getFirst(name);
        return value == null ? null : java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
    }

    private byte[] readBody(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > maxArchiveBytes) {
            throw new BodyTooLargeException((int) Math.min(Integer.MAX_VALUE, maxArchiveBytes));
        }
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxArchiveBytes + 1));
            if (body.length > maxArchiveBytes) {
                throw new BodyTooLargeException((int) Math.min(Integer.MAX_VALUE, maxArchiveBytes));
            }
            return body;
        }
    }
}
