package cn.propertycompliance.decisions;

import java.util.UUID;

/**
 * A stored decision: the decision as evaluated (request with personal data masked, response, release) and its
 * place in the writer's hash chain.
 */
public record DecisionRecord(Decision decision, UUID chainId, long chainSeq, String prevHash, String recordHash) {

    /** The canonical text the record hash covers: every field but the hash itself. */
    String hashedContent() {
        Decision d = decision;
        return String.join("\u001f", d.id().toString(), d.receivedAt().toInstant().toString(), String.valueOf(d.requestId()),
                d.requestHash(), d.region(), d.asOf().toString(), d.releaseId(), d.outcome(), Long.toString(d.durationMicros()),
                d.requestJson(), d.responseJson(), chainId.toString(), Long.toString(chainSeq), String.valueOf(prevHash))
                // The client joined the record in V3; rows without one hash as they did before it.
                + (d.client().isEmpty() ? "" : "\u001f" + d.client());
    }
}
