package cn.propertycompliance.releases;

import java.time.OffsetDateTime;

/** A replica's last heartbeat: which release it serves. */
public record ReplicaStatus(String replicaId, String releaseId, OffsetDateTime startedAt, OffsetDateTime heartbeatAt) {
}
