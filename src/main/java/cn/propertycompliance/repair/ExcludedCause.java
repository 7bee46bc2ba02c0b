package cn.propertycompliance.repair;

/** The value type of {@code repair.excludedCause}: who pays instead of the fund (code and name). */
public record ExcludedCause(String liableParty, String liablePartyName) {
}
