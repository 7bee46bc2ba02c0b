package cn.propertycompliance.repair;

import java.math.BigDecimal;

/**
 * A share of a whole, as the law words it: "三分之二以上" is 2/3 inclusive, "过半数" is 1/2 exclusive
 * (民法典 第一千二百五十九条: 以上 includes the number, 过/超过 does not).
 *
 * <p>Compared by cross-multiplication on exact decimals, never by dividing: part/whole ≥ n/d ⇔ part·d ≥ whole·n
 * (whole &gt; 0). So 1,000 of 1,500 owners meets "三分之二以上" exactly, and 500 of 1,000 does not meet "过半数".
 */
public record Threshold(BigDecimal numerator, BigDecimal denominator, boolean inclusive) {

    public Threshold {
        if (numerator == null || denominator == null || denominator.signum() <= 0 || numerator.signum() < 0) {
            throw new IllegalArgumentException("a threshold is a non-negative fraction n/d with d > 0, got "
                    + numerator + "/" + denominator);
        }
    }

    public static Threshold of(long numerator, long denominator, boolean inclusive) {
        return new Threshold(BigDecimal.valueOf(numerator), BigDecimal.valueOf(denominator), inclusive);
    }

    /** True when part/whole reaches this share. A whole of zero (or less) reaches nothing. */
    public boolean isMetBy(BigDecimal part, BigDecimal whole) {
        if (part == null || whole == null || whole.signum() <= 0) {
            return false;
        }
        int cmp = part.multiply(denominator).compareTo(whole.multiply(numerator));
        return inclusive ? cmp >= 0 : cmp > 0;
    }

    public boolean isMetBy(long part, long whole) {
        return isMetBy(BigDecimal.valueOf(part), BigDecimal.valueOf(whole));
    }

    /** "≥ 2/3" or "> 1/2". */
    public String text() {
        return (inclusive ? "≥ " : "> ") + numerator.stripTrailingZeros().toPlainString() + "/"
                + denominator.stripTrailingZeros().toPlainString();
    }
}
