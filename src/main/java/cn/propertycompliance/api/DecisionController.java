package cn.propertycompliance.api;

import cn.propertycompliance.decisions.DecisionRecord;
import cn.propertycompliance.decisions.DecisionService;
import cn.propertycompliance.evaluation.RequestParser;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/decisions/{id}}: a recorded decision for auditors (request with personal data masked). */
@RestController
@RequestMapping("/api/v1/decisions")
class DecisionController {

    record DecisionView(UUID decisionId, OffsetDateTime receivedAt, String requestId, String region, LocalDate asOf,
                        String releaseId, String outcome, long durationMicros, String client, JsonNode request,
                        JsonNode response, Chain chain) {
    }

    record Chain(UUID chainId, long seq, String prevHash, String recordHash) {
    }

    private final DecisionService decisions;

    DecisionController(DecisionService decisions) {
        this.decisions = decisions;
    }

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
                new Chain(record.chainId(), record.chainSeq(), record.prevHash(), record.recordHash()));
    }
}
