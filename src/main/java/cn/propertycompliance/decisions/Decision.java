package cn.propertycompliance.decisions;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A decision as evaluated, ready to be recorded; the writer adds its chain position and hash (DecisionRecord).
 * {@code client}: the API client that asked ({@code ""} when the API runs without keys).
 */
public record Decision(
        UUID id,
        OffsetDateTime receivedAt,
        String requestId,
        String requestHash,
        String region,
        LocalDate asOf,
        String releaseId,
        String outcome,
        long durationMicros,
        String requestJson,
        String responseJson,
        String client) {
}
