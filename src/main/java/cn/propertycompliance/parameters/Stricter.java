package cn.propertycompliance.parameters;

import java.math.BigDecimal;

/**
 * Which direction of a numeric parameter field is the stricter requirement, as its table states it
 * ({@code stricter: {days: HIGHER}}: a longer notice period protects owners more). The review report uses it to flag
 * a more specific layer whose value is less strict than a broader layer's; it never guesses a direction itself.
 */
public enum Stricter {
    HIGHER, LOWER;

    /** True when {@code candidate} asks less than {@code reference} in this direction. */
    public boolean isLessStrict(BigDecimal candidate, BigDecimal reference) {
        int cmp = candidate.compareTo(reference);
        return this == HIGHER ? cmp < 0 : cmp > 0;
    }
}
