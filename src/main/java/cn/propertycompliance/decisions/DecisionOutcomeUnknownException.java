package cn.propertycompliance.decisions;

import java.util.UUID;

/**
 * The commit of the decision was sent but the database did not confirm it in time: it may or may not be recorded.
 * The caller gets a 503 saying so; retrying with the same requestId is safe (a recorded decision is replayed, an
 * unrecorded one is evaluated and recorded once), and {@code GET /api/v1/decisions/{decisionId}} tells later.
 */
public class DecisionOutcomeUnknownException extends RuntimeException {

    private final UUID decisionId;

    public DecisionOutcomeUnknownException(UUID decisionId, Throwable cause) {
        super("the database did not confirm whether decision " + (decisionId == null ? "" : decisionId + " ") + "was recorded", cause);
        this.decisionId = decisionId;
    }

    /** The decision's id, or null when the request did not get as far as having one. */
    public UUID decisionId() {
        return decisionId;
    }
}
