package cn.propertycompliance.committee;

import cn.propertycompliance.parameters.OptionalField;

/** The value type of {@code committee.partyShare} (see {@link PartyShare}). */
public record PartyShareRule(int numerator, int denominator, boolean atLeast, @OptionalField String wording) {
}
