package cn.propertycompliance.facts;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/** The fee block: what is charged, at which tier, and what was displayed and publicised. */
public record Fee(
        FeePhase phase,
        BuildingType buildingType,
        @Min(1) @Max(20) Integer serviceLevel,
        @Min(1) @Max(20) Integer assessedServiceLevel,
        @DecimalMin("0") @DecimalMax(Limits.MAX_PRICE) @Digits(integer = Limits.PRICE_INTEGER_DIGITS, fraction = Limits.FRACTION_DIGITS) BigDecimal chargedPrice,
        PriceDisplay priceDisplay,
        @Size(max = Limits.MAX_ITEMS) List<@NotNull @Size(min = 1, max = Limits.MAX_ID) @Pattern(regexp = Limits.TEXT) String> publicizedItems,
        @Size(max = Limits.MAX_ITEMS) List<@NotNull @Valid ChargedItem> chargedItems,
        @Valid PriceChange priceChange) {

    /** {@code publicizedItems} stays null when not sent: "nothing publicised" and "not told" differ. */
    public Fee {
        publicizedItems = publicizedItems == null ? null : FactLists.copy(publicizedItems);
        chargedItems = FactLists.copy(chargedItems);
    }

    @com.fasterxml.jackson.annotation.JsonIgnore
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

    public record ChargedItem(
            @NotNull @Size(min = 1, max = Limits.MAX_ID) @Pattern(regexp = Limits.TEXT) String name,
            @DecimalMin("0") @DecimalMax(Limits.MAX_MONEY) @Digits(integer = Limits.MONEY_INTEGER_DIGITS, fraction = Limits.FRACTION_DIGITS) BigDecimal amount) {
    }

    /** 明码标价: which of base price, band and actual price are displayed. A missing flag counts as not displayed. */
    public record PriceDisplay(Boolean basePrice, Boolean band, Boolean actualPrice) {
        @com.fasterxml.jackson.annotation.JsonIgnore
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
            @DecimalMin("0") @DecimalMax(Limits.MAX_PRICE) @Digits(integer = Limits.PRICE_INTEGER_DIGITS, fraction = Limits.FRACTION_DIGITS) BigDecimal fromPrice,
            @DecimalMin("0") @DecimalMax(Limits.MAX_PRICE) @Digits(integer = Limits.PRICE_INTEGER_DIGITS, fraction = Limits.FRACTION_DIGITS) BigDecimal toPrice,
            java.time.LocalDate effectiveOn,
            java.time.LocalDate publicizedOn,
            Boolean ownersApproved) {

        /** True when the price really changes (compared exactly: 1.20 and 1.2 are the same price). */
        @com.fasterxml.jackson.annotation.JsonIgnore
        public boolean isChangingPrice() {
            return fromPrice != null && toPrice != null && fromPrice.compareTo(toPrice) != 0;
        }

        /** True when the new price is higher (擅自提高收费标准). */
        @com.fasterxml.jackson.annotation.JsonIgnore
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
