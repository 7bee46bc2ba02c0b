package cn.propertycompliance.facts;

import java.math.BigDecimal;
import java.util.List;

/** The fee block: what is charged, at which tier, and what was displayed and publicised. */
public record Fee(
        FeePhase phase,
        BuildingType buildingType,
        Integer serviceLevel,
        Integer assessedServiceLevel,
        BigDecimal chargedPrice,
        PriceDisplay priceDisplay,
        List<String> publicizedItems,
        List<ChargedItem> chargedItems,
        PriceChange priceChange) {

    /** {@code publicizedItems} stays null when not sent: "nothing publicised" and "not told" differ. */
    public Fee {
        publicizedItems = publicizedItems == null ? null : List.copyOf(publicizedItems);
        chargedItems = chargedItems == null ? List.of() : List.copyOf(chargedItems);
    }

    public boolean isPreliminary() {
        return phase == FeePhase.PRELIMINARY;
    }

    /** The fee fields needed to look up a guidance price that were not sent. */
    public List<String> missingForGuidance() {
        List<String> out = new java.util.ArrayList<>();
        if (buildingType == null) {
            out.add("fee.buildingType");
        }
        if (serviceLevel == null) {
            out.add("fee.serviceLevel");
        }
        return List.copyOf(out);
    }

    public record ChargedItem(String name, BigDecimal amount) {
    }

    /** 明码标价: which of base price, band and actual price are displayed. A missing flag counts as not displayed. */
    public record PriceDisplay(Boolean basePrice, Boolean band, Boolean actualPrice) {
        public boolean isComplete() {
            return missing().isEmpty();
        }

        /** What is not displayed, in the words of 明码标价: 基准价, 浮动幅度, 实际收费标准. */
        public List<String> missing() {
            List<String> out = new java.util.ArrayList<>();
            if (!Boolean.TRUE.equals(basePrice)) {
                out.add("基准价");
            }
            if (!Boolean.TRUE.equals(band)) {
                out.add("浮动幅度");
            }
            if (!Boolean.TRUE.equals(actualPrice)) {
                out.add("实际收费标准");
            }
            return List.copyOf(out);
        }
    }

    public record PriceChange(
            BigDecimal fromPrice,
            BigDecimal toPrice,
            java.time.LocalDate effectiveOn,
            java.time.LocalDate publicizedOn,
            Boolean ownersApproved) {

        /** True when the price really changes (compared exactly: 1.20 and 1.2 are the same price). */
        public boolean isChangingPrice() {
            return fromPrice != null && toPrice != null && fromPrice.compareTo(toPrice) != 0;
        }

        /** True when the new price is higher (擅自提高收费标准). */
        public boolean isRaisingPrice() {
            return fromPrice != null && toPrice != null && toPrice.compareTo(fromPrice) > 0;
        }

        /**
         * Days from publication to the new price taking effect. With 民法典 第二百零一条 (the day of publication is not
         * counted) a notice of N days is served when this is at least N.
         */
        public long noticeDays() {
            return java.time.temporal.ChronoUnit.DAYS.between(publicizedOn, effectiveOn);
        }
    }
}
