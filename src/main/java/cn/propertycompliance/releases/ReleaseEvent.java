package cn.propertycompliance.releases;

import java.time.OffsetDateTime;

/** One audit row: who did what to a release, when, and the state it moved from and to. */
public record ReleaseEvent(String releaseId, OffsetDateTime at, String actor, String action, ReleaseState from,
                           ReleaseState to, String detail) {
}
