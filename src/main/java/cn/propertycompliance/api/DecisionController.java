package cn.propertycompliance.api;

import cn.propertycompliance.decisions.ChainVerifier;
import cn.propertycompliance.decisions.DecisionRecord;
import cn.propertycompliance.decisions.DecisionService;
import cn.propertycompliance.evaluation.FieldError;
import cn.propertycompliance.evaluation.InvalidRequestException;
import cn.propertycompliance.evaluation.RequestParser;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/v1/decisions/{id}}: a recorded decision for auditors (request with personal data masked), with
 * whether it verifies against its chain. {@code GET /api/v1/decisions/verification?from=&to=} (reviewers): checks
 * every record of a period against the keyed chain.
 */
@RestController
@RequestMapping("/api/v1/decisions")
class DecisionController {

    record DecisionView(UUID decisionId, OffsetDateTime receivedAt, String requestId, String region, LocalDate asOf,
                        String releaseId, String outcome, long durationMicros, String client, JsonNode request,
                        JsonNode response, Chain chain, ChainVerifier.Integrity integrity) {
    }

    record Chain(UUID chainId, long seq, String prevHash, String recordHash, String keyId) {
    }

    private final DecisionService decisions;
    private final ChainVerifier verifier;

    DecisionController(DecisionService decisions, ChainVerifier verifier) {
        this.decisions = decisions;
        this.verifier = verifier;
    }

    @Operation(summary = "A recorded decision, and whether it verifies against its keyed chain")
    @GetMapping("/{decisionId}")
    DecisionView get(@PathVariable String decisionId, HttpServletRequest request) {
        UUID id;
        try {
            id = UUID.fromString(decisionId);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("no decision " + decisionId);
        }
        // Another platform's decision is "not found": its existence is not this caller's business.
        DecisionRecord record = decisions.find(id).filter(d -> Caller.of(request).mayRead(d.decision().client()))
                .orElseThrow(() -> new NotFoundException("no decision " + decisionId));
        var r = record.decision();
        return new DecisionView(r.id(), r.receivedAt(), r.requestId(), r.region(), r.asOf(), r.releaseId(), r.outcome(),
                r.durationMicros(), r.client().isEmpty() ? null : r.client(), RequestParser.JSON.readTree(r.requestJson()),
                RequestParser.JSON.readTree(r.responseJson()),
                new Chain(record.chainId(), record.chainSeq(), record.prevHash(), record.recordHash(), record.keyId()),
                decisions.withinBound(() -> verifier.verifyOne(record)));
    }

    @Operation(summary = "Verify the decisions received in a period (from inclusive, to exclusive; dates in Asia/Shanghai "
            + "or ISO instants): INTACT, or BROKEN with the first broken sequence")
    @GetMapping("/verification")
    ChainVerifier.Result verify(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        List<FieldError> errors = new ArrayList<>();
        OffsetDateTime start = bound("from", from, errors);
        OffsetDateTime end = bound("to", to, errors);
        if (start != null && end != null && !start.isBefore(end)) {
            errors.add(new FieldError("to", "must be after from"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors.size() + " invalid period parameter(s)", errors);
        }
        return verifier.verify(start, end);
    }

    private static OffsetDateTime bound(String field, String value, List<FieldError> errors) {
        try {
            return ChainVerifier.periodBound(value);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "must be a date (yyyy-MM-dd, Asia/Shanghai) or an instant with offset "
                    + "(2026-11-01T08:00:00+08:00)"));
            return null;
        }
    }
}
