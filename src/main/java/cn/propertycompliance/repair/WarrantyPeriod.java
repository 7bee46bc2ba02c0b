package cn.propertycompliance.repair;

import cn.propertycompliance.parameters.OptionalField;

/** The value type of {@code repair.warrantyPeriod}: years, heating/cooling seasons, or the design life (see {@link WarrantyCheck}). */
public record WarrantyPeriod(@OptionalField Boolean designLife, @OptionalField Integer years, @OptionalField Integer seasons,
                             @OptionalField Integer certainlyEndedAfterYears) {

    public WarrantyPeriod {
        if (years == null && seasons == null && !Boolean.TRUE.equals(designLife)) {
            throw new IllegalArgumentException("a warranty period needs years, seasons or designLife: true");
        }
        if (seasons != null && certainlyEndedAfterYears == null) {
            throw new IllegalArgumentException("seasons needs certainlyEndedAfterYears");
        }
    }
}
