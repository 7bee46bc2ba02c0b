package cn.propertycompliance.releases;

import java.util.List;
import java.util.Map;

/**
 * Recorded decisions replayed through a candidate: how many were replayed, how many verdicts change, counted by area
 * (whose status changes), outcome transition ({@code COMPLIANT→NON_COMPLIANT}), finding code (appears / disappears)
 * and region, with example decision ids. {@code unreplayable}: stored requests the candidate could not evaluate.
 */
public record ImpactReport(String release, long replayed, long changed, long unreplayable, Map<String, Long> byArea,
                           Map<String, Long> byOutcome, Map<String, CodeChange> byCode, Map<String, Long> byRegion,
                           List<String> examples, boolean truncated) {

    /** Decisions in which a code newly appears, and in which it no longer does. */
    public record CodeChange(long appears, long disappears) {
    }
}
