package cn.propertycompliance.fee;

import cn.propertycompliance.facts.Fee;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.parameters.ParameterView;
import java.math.BigDecimal;

/**
 * The fee area's derived fact, computed once per evaluation: the parameter values the fee rules judge by, looked up
 * for this region and date — whether 前期 fees are government-guided here ({@code fee.guidedPricing}), the guidance
 * price for the charged building type and level ({@code fee.guidancePrice}, null when type or level was not sent) and
 * the notice period for a price change ({@code fee.changeNoticeDays}). Rules match it instead of each looking the
 * tables up again; findings cite the values through {@code .parameter(...)}.
 */
public record FeeAssessment(ParameterValue regime, ParameterValue guidance, GuidanceBand band, ParameterValue changeNotice) {

    public static FeeAssessment of(Fee fee, ParameterView params) {
        ParameterValue guidance = fee.buildingType() != null && fee.serviceLevel() != null
                ? params.value("fee.guidancePrice", fee.buildingType(), fee.serviceLevel())
                : null;
        GuidanceBand band = guidance != null && guidance.isAvailable() ? GuidanceBand.of(guidance) : null;
        return new FeeAssessment(params.value("fee.guidedPricing"), guidance, band, params.value("fee.changeNoticeDays"));
    }

    /** 前期 fees here are government-guided (a value says so; PENDING or absent is not "guided"). */
    public boolean isGuided() {
        return regime.isAvailable() && regime.flag("applies");
    }

    /** No layer says whether 前期 fees are guided here. */
    public boolean isRegimeUnknown() {
        return regime.isUnavailable();
    }

    /** Guided, type and level known, but no base price and band in force for them. */
    public boolean isGuidanceUnavailable() {
        return isGuided() && guidance != null && guidance.isUnavailable();
    }

    public boolean isAboveBand(BigDecimal price) {
        return isGuided() && band != null && price != null && band.isAbove(price);
    }

    public boolean isBelowBand(BigDecimal price) {
        return isGuided() && band != null && price != null && band.isBelow(price);
    }

    /** The change-notice period in days, or -1 when none is in force (PENDING or not set). */
    public int requiredNoticeDays() {
        return changeNotice.isAvailable() ? changeNotice.integer("days") : -1;
    }
}
