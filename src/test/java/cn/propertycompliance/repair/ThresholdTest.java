package cn.propertycompliance.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class ThresholdTest {

    private static final Threshold TWO_THIRDS_OR_MORE = Threshold.of(2, 3, true);   // 三分之二以上
    private static final Threshold MORE_THAN_HALF = Threshold.of(1, 2, false);      // 过半数
    private static final Threshold THREE_QUARTERS_OR_MORE = Threshold.of(3, 4, true);

    @ParameterizedTest(name = "{0}/{1} ≥ 2/3 → {2}")
    @CsvSource({
        "1000, 1500, true",     // exactly 2/3: 以上 includes the number
        "999, 1500, false",
        "1001, 1500, true",
        "2, 3, true",
        "666, 1000, false",     // 0.666 < 2/3
        "667, 1000, true",
        "100000, 150000, true",
        "99999.99, 150000, false",
        "0, 0, false",          // nobody to count: not reached
    })
    void twoThirdsIsInclusive(String part, String whole, boolean met) {
        assertThat(TWO_THIRDS_OR_MORE.isMetBy(new BigDecimal(part), new BigDecimal(whole))).isEqualTo(met);
    }

    @ParameterizedTest(name = "{0}/{1} > 1/2 → {2}")
    @CsvSource({
        "500, 1000, false",     // exactly half: 过半数 excludes it
        "501, 1000, true",
        "45000, 90000, false",
        "45000.01, 90000, true",
        "1, 1, true",
        "0, 1, false",
    })
    void moreThanHalfIsExclusive(String part, String whole, boolean met) {
        assertThat(MORE_THAN_HALF.isMetBy(new BigDecimal(part), new BigDecimal(whole))).isEqualTo(met);
    }

    @Test
    void threeQuartersAtTheBoundary() {
        assertThat(THREE_QUARTERS_OR_MORE.isMetBy(750, 1000)).isTrue();
        assertThat(THREE_QUARTERS_OR_MORE.isMetBy(749, 1000)).isFalse();
    }

    @Test
    void describesItself() {
        assertThat(TWO_THIRDS_OR_MORE.text()).isEqualTo("≥ 2/3");
        assertThat(MORE_THAN_HALF.text()).isEqualTo("> 1/2");
    }

    @Test
    void rejectsAZeroDenominator() {
        assertThatThrownBy(() -> Threshold.of(1, 0, true)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Seeded property: the decimal cross-multiplication agrees with integer rational comparison. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void agreesWithIntegerRationals(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 2_000; i++) {
            long whole = 1 + random.nextInt(5_000);
            long part = random.nextInt((int) whole + 1);
            long n = random.nextInt(5);
            long d = 1 + random.nextInt(5);
            boolean inclusive = random.nextBoolean();
            // part/whole vs n/d on integers: part·d vs n·whole
            int cmp = BigInteger.valueOf(part).multiply(BigInteger.valueOf(d)).compareTo(BigInteger.valueOf(n).multiply(BigInteger.valueOf(whole)));
            boolean expected = inclusive ? cmp >= 0 : cmp > 0;
            assertThat(Threshold.of(n, d, inclusive).isMetBy(part, whole))
                    .as("%d/%d %s %d/%d", part, whole, inclusive ? "≥" : ">", n, d).isEqualTo(expected);
            // scaling both counts (e.g. ㎡ with decimals) never changes the answer
            BigDecimal scale = new BigDecimal("0.01");
            assertThat(Threshold.of(n, d, inclusive).isMetBy(BigDecimal.valueOf(part).multiply(scale), BigDecimal.valueOf(whole).multiply(scale)))
                    .isEqualTo(expected);
        }
    }

    static Stream<Arguments> seeds() {
        return IntStream.of(1, 7, 42, 2026).mapToObj(s -> Arguments.of((long) s));
    }
}
