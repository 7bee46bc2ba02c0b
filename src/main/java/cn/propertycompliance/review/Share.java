package cn.propertycompliance.review;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** A coverage figure: {@code part} of {@code whole}, shown as "3/4（75.0%）" with exact decimal arithmetic. */
public record Share(int part, int whole) {

    /** The percentage to one decimal (half up), or "—" when there is nothing to cover. */
    public String percent() {
        if (whole == 0) {
            return "—";
        }
        return BigDecimal.valueOf(part).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    @Override
    public String toString() {
        return part + "/" + whole + "（" + percent() + "）";
    }
}
