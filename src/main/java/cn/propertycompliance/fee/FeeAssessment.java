package cn.propertycompliance.fee;

import cn.propertycompliance.facts.Fee;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.vocabulary.Reportable;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The fee area's derived fact, computed once per evaluation: the parameter values the fee rules judge by, looked up
 * for this region and date — whether 前期 fees are government-guided here ({@code fee.guidedPricing}), the guidance
 * price for the charged building type and level ({@code fee.guidancePrice}, null when type or level was not sent) and
 * the notice period for a price change ({@code fee.changeNoticeDays}). Rules match it instead of each looking the
 * tables up again. A finding is about one part of it, which brings the entry it rests on ({@link #getGuidanceFinding()},
 * {@link #getRegimeFinding()}, {@link #getChangeNoticeFinding()}) or the facts it judged ({@link #getPriceChange()},
 * {@link #getServiceLevels()}).
 */
public record FeeAssessment(Fee fee, LocalDate asOf, ParameterValue regime, ParameterValue guidance, GuidanceBand band,
                            ParameterValue changeNotice, ParameterValue chargeBan) {

    public static FeeAssessment of(Fee fee, ParameterView params) {
        ParameterValue guidance = fee.buildingType() != null && fee.serviceLevel() != null
                ? params.value("fee.guidancePrice", fee.buildingType(), fee.serviceLevel())
                : null;
        GuidanceBand band = guidance != null && guidance.isAvailable() ? GuidanceBand.of(guidance) : null;
        return new FeeAssessment(fee, params.asOf(), params.value("fee.guidedPricing"), guidance, band, params.value("fee.changeNoticeDays"),
                params.value("fee.undisclosedChargeBan"));
    }

    /** 前期 fees here are government-guided (a value says so; PENDING or absent is not "guided"). */
    public boolean isGuided() {
        return regime.isAvailable() && regime.as(GuidedPricing.class).applies();
    }

    /** No layer says whether 前期 fees are guided here. */
    public boolean isRegimeUnknown() {
        return regime.isUnavailable();
    }

    /** Guided, type and level known, but no base price and band in force for them. */
    public boolean isGuidanceUnavailable() {
        return isGuided() && guidance != null && guidance.isUnavailable();
    }

    /** The charged price is above the guidance band (judged on this fact alone: no join to the Fee fact needed). */
    public boolean isChargedAboveBand() {
        return isAboveBand(fee.chargedPrice());
    }

    /** The charged price is below the guidance band. */
    public boolean isChargedBelowBand() {
        return isBelowBand(fee.chargedPrice());
    }

    public boolean isAboveBand(BigDecimal price) {
        return isGuided() && band != null && price != null && band.isAbove(price);
    }

    public boolean isBelowBand(BigDecimal price) {
        return isGuided() && band != null && price != null && band.isBelow(price);
    }

    /** The change-notice period in days, or -1 when none is in force (PENDING or not set). */
    public int requiredNoticeDays() {
        return changeNotice.isAvailable() ? changeNotice.as(cn.propertycompliance.parameters.Days.class).days() : -1;
    }

    /**
     * The charged price against the guidance entry in force: the bound it crosses (upper or lower), or why that entry
     * is not available.
     */
    public Reportable getGuidanceFinding() {
        return finding -> {
            finding.source(guidance);
            BigDecimal price = fee.chargedPrice();
            if (band != null) {
                finding.detail("chargedPrice", price).detail("basePrice", band.basePrice()).detail("band", band.band())
                        .detail("bandPercent", band.bandPercent())
                        .detail("upperBound", price != null && band.isBelow(price) ? null : band.upperBound())
                        .detail("lowerBound", price != null && band.isAbove(price) ? null : band.lowerBound());
            } else if (guidance != null) {
                finding.detail("parameter", "fee.guidancePrice").detail("buildingType", fee.buildingType())
                        .detail("buildingTypeName", fee.buildingType().chineseName()).detail("serviceLevel", fee.serviceLevel())
                        .detail("asOf", asOf).detail("reason", guidance.getReason());
            }
        };
    }

    /** Whether 前期 fees are guided here: the entry, or why none is available. */
    public Reportable getRegimeFinding() {
        return finding -> finding.source(regime).detail("parameter", "fee.guidedPricing")
                .detail("reason", regime.isUnavailable() ? regime.getReason() : null);
    }

    /** A price change as reported: the agreed price and the new one. */
    public Reportable getPriceChange() {
        return finding -> finding.detail("fromPrice", fee.priceChange().fromPrice()).detail("toPrice", fee.priceChange().toPrice());
    }

    /** The price change's notice against the period in force ({@code fee.changeNoticeDays}), or why none is. */
    public Reportable getChangeNoticeFinding() {
        return finding -> {
            finding.source(changeNotice);
            Fee.PriceChange c = fee.priceChange();
            if (changeNotice.isAvailable()) {
                finding.detail("publicizedOn", c.publicizedOn()).detail("effectiveOn", c.effectiveOn())
                        .detail("noticeDays", c.noticeDays()).detail("requiredDays", requiredNoticeDays());
            } else {
                finding.detail("parameter", "fee.changeNoticeDays").detail("reason", changeNotice.getReason());
            }
        };
    }

    /** A charge not publicised, and the local clause forbidding it where one is in force ({@code fee.undisclosedChargeBan}). */
    public Reportable getChargeBan() {
        return finding -> {
            if (chargeBan.isAvailable()) {
                finding.source(chargeBan);
            }
        };
    }

    /** The level charged for against the level last assessed (质价相符). */
    public Reportable getServiceLevels() {
        return finding -> finding.detail("serviceLevel", fee.serviceLevel()).detail("assessedServiceLevel", fee.assessedServiceLevel());
    }
}
