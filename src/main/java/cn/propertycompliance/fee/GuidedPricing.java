package cn.propertycompliance.fee;

/** The value type of {@code fee.guidedPricing}: whether 前期 fees are government-guided here. */
public record GuidedPricing(boolean applies) {
}
