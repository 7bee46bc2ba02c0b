package cn.propertycompliance.fee;

import cn.propertycompliance.parameters.ParameterValue;
import java.math.BigDecimal;

/**
 * A government guidance price (政府指导价, 价格法 第三条): a base price and a float band. Exact decimals throughout:
 * 1.30 × 1.15 is 1.4950, so a charge of exactly 1.495 is inside the band ("上下浮动幅度为15%" includes 15%).
 */
public record GuidanceBand(BigDecimal basePrice, BigDecimal band) {

    public static GuidanceBand of(ParameterValue value) {
        GuidancePrice p = value.as(GuidancePrice.class);
        return new GuidanceBand(p.basePrice(), p.band());
    }

    public BigDecimal upperBound() {
        return basePrice.multiply(BigDecimal.ONE.add(band));
    }

    public BigDecimal lowerBound() {
        return basePrice.multiply(BigDecimal.ONE.subtract(band));
    }

    public boolean isAbove(BigDecimal price) {
        return price.compareTo(upperBound()) > 0;
    }

    public boolean isBelow(BigDecimal price) {
        return price.compareTo(lowerBound()) < 0;
    }

    public BigDecimal bandPercent() {
        return band.movePointRight(2).stripTrailingZeros();
    }
}
