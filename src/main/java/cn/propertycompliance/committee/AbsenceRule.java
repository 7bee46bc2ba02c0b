package cn.propertycompliance.committee;

import cn.propertycompliance.parameters.OptionalField;

/** The value type of {@code committee.absence} (see {@link AbsenceCheck}). */
public record AbsenceRule(Basis basis, @OptionalField Integer numerator, @OptionalField Integer denominator,
                          @OptionalField Boolean inclusive, @OptionalField Integer count, @OptionalField String wording,
                          @OptionalField String consequence) {

    public enum Basis { SHARE_OF_MEETINGS, CONSECUTIVE_UNEXCUSED }

    public AbsenceRule {
        if (basis == Basis.SHARE_OF_MEETINGS && (numerator == null || denominator == null || inclusive == null)) {
            throw new IllegalArgumentException("basis SHARE_OF_MEETINGS needs numerator, denominator and inclusive");
        }
        if (basis == Basis.CONSECUTIVE_UNEXCUSED && count == null) {
            throw new IllegalArgumentException("basis CONSECUTIVE_UNEXCUSED needs count");
        }
    }
}
