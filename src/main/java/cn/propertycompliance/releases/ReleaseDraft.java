package cn.propertycompliance.releases;

import java.time.OffsetDateTime;

/**
 * An officer's working copy of a release: it starts from the release in service, changes files, is checked on every
 * save ({@code lastCheck}, null before the first) and, once submitted, is the release {@code releaseId}.
 */
public record ReleaseDraft(String id, String label, String baseReleaseId, String createdBy, OffsetDateTime createdAt,
                           String updatedBy, OffsetDateTime updatedAt, State state, String releaseId, DraftCheck lastCheck) {

    public enum State {
        /** Being edited. */
        OPEN,
        /** Submitted: from here on it is the release {@code releaseId}, signed off and activated like any other. */
        SUBMITTED
    }

    public boolean open() {
        return state == State.OPEN;
    }
}
