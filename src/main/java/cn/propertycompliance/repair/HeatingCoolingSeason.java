package cn.propertycompliance.repair;

import cn.propertycompliance.parameters.OptionalField;

/** The value type of {@code repair.heatingCoolingSeason}: month-day bounds, e.g. "11-15" (see {@link Seasons}). */
public record HeatingCoolingSeason(@OptionalField String heatingStart, @OptionalField String heatingEnd,
                                   @OptionalField String coolingStart, @OptionalField String coolingEnd) {
}
