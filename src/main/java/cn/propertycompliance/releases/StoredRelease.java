package cn.propertycompliance.releases;

import java.time.OffsetDateTime;

/** A release as the database holds it (without its files). */
public record StoredRelease(
        String id,
        String label,
        ReleaseState state,
        String submittedBy,
        OffsetDateTime submittedAt,
        CheckResults checks,
        String reviewReportSha256,
        String approvedBy,
        OffsetDateTime approvedAt,
        String manifest,
        String signature,
        String signatureKeyId,
        OffsetDateTime activateAt,
        OffsetDateTime activatedAt) {
}
