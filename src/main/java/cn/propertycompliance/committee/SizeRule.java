package cn.propertycompliance.committee;

import cn.propertycompliance.parameters.OptionalField;
import java.math.BigDecimal;

/** The value type of {@code committee.size} (see {@link CommitteeSize}). */
public record SizeRule(int minimum, @OptionalField Integer maximum, @OptionalField Boolean odd, @OptionalField String requirement,
                       @OptionalField Integer smallSize, @OptionalField Integer smallHouseholdsAtMost,
                       @OptionalField BigDecimal smallFloorAreaAtMost) {
}
