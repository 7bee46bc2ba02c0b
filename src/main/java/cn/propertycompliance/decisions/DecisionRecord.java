package cn.propertycompliance.decisions;

import java.util.UUID;

/**
 * A stored decision: the decision as evaluated (request with personal data masked, response, release) and its
 * place in the writer's chain. {@code recordHash} is HMAC-SHA-256 under key {@code keyId} over the record's content
 * and {@code prevHash} (the previous record's hash), so changing, re-forging or removing a record breaks the chain
 * for anyone holding the key. Records written before keys existed have no key id and a plain SHA-256.
 */
public record DecisionRecord(Decision decision, UUID chainId, long chainSeq, String prevHash, String recordHash, String keyId) {

    /** The canonical text the record hash covers: every field but the hash itself. */
    String hashedContent() {
        Decision d = decision;
        return String.join("\u001f", d.id().toString(), d.receivedAt().toInstant().toString(), String.valueOf(d.requestId()),
                d.requestHash(), d.region(), d.asOf().toString(), d.releaseId(), d.outcome(), Long.toString(d.durationMicros()),
                d.requestJson(), d.responseJson(), chainId.toString(), Long.toString(chainSeq), String.valueOf(prevHash))
                // The client joined the record in V3; rows without one hash as they did before it.
                + (d.client().isEmpty() ? "" : "\u001f" + d.client());
    }

    /** What the MAC covers: the key id (so a row cannot claim another key) and the content. */
    String macContent() {
        return "decision-v2\u001f" + keyId + "\u001f" + hashedContent();
    }

    /** Whether the stored hash is the one this content gives under its key (legacy rows: plain SHA-256). */
    boolean verifies(ChainKeys keys) {
        if (keyId == null) {
            return DecisionWriter.sha256(hashedContent()).equals(recordHash);
        }
        return keys.verify(keyId, macContent(), recordHash);
    }
}
