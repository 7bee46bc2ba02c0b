package cn.propertycompliance.coverage;

import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.policy.CitationRef;
import java.time.LocalDate;
import java.util.List;

/**
 * A governing date or place the encoded law does not reach: which layer's law is unknown there, for which area and
 * date, the span that layer's encoding does cover, and the reason in words.
 */
public record CoverageGap(Area area, LocalDate date, String governs, String layer, String layerName, String span,
                          String reason, List<CitationRef> cite) {
}
