package cn.propertycompliance.committee;

import cn.propertycompliance.parameters.OptionalField;

/**
 * The value type of {@code committee.partyShare} (see {@link PartyShare}); {@code chairPartyMember}: the same guidance
 * says the chair is to be a party member (湖北 （四）: 主任一般由党员担任), so the chair's membership is a fact it needs;
 * {@code reading}: how a threshold without a figure is read (辽宁 "较大比例", an INTERPRETATION entry), shown in the finding.
 */
public record PartyShareRule(int numerator, int denominator, boolean atLeast, @OptionalField String wording,
                             @OptionalField Boolean chairPartyMember, @OptionalField String reading) {
}
