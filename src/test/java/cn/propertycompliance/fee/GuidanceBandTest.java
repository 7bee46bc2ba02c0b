package cn.propertycompliance.fee;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.CsvSource;

class GuidanceBandTest {

    @ParameterizedTest
    @CsvSource({
        "1.30, 0.15, 1.495, false, false",
        "1.30, 0.15, 1.4951, true, false",
        "1.30, 0.15, 1.105, false, false",
        "1.30, 0.15, 1.1049, false, true",
        "0.30, 0.15, 0.345, false, false",
        "0.30, 0.15, 0.35, true, false"})
    void bandEdgesAreInsideTheBand(String base, String band, String price, boolean above, boolean below) {
        GuidanceBand g = new GuidanceBand(new BigDecimal(base), new BigDecimal(band));
        assertThat(g.isAbove(new BigDecimal(price))).isEqualTo(above);
        assertThat(g.isBelow(new BigDecimal(price))).isEqualTo(below);
    }

    @org.junit.jupiter.api.Test
    void binaryFloatingPointWouldGetTheEdgeWrongButDecimalsDoNot() {
        assertThat(1.30 * 1.15).isLessThan(1.495); // 1.4949999999999999 in double
        assertThat(new GuidanceBand(new BigDecimal("1.30"), new BigDecimal("0.15")).upperBound()).isEqualByComparingTo("1.495");
    }

    /** Seeded random tables: the bounds themselves are always inside, one cent beyond is always outside. */
    static Stream<Arguments> randomTables() {
        Random random = new Random(20261122L);
        return IntStream.range(0, 200).mapToObj(i -> Arguments.of(
                BigDecimal.valueOf(10 + random.nextInt(990), 2), BigDecimal.valueOf(random.nextInt(31), 2)));
    }

    @ParameterizedTest
    @MethodSource("randomTables")
    void theBoundsAreInclusiveForAnyTable(BigDecimal base, BigDecimal band) {
        GuidanceBand g = new GuidanceBand(base, band);
        assertThat(g.isAbove(g.upperBound())).isFalse();
        assertThat(g.isBelow(g.lowerBound())).isFalse();
        assertThat(g.isAbove(g.upperBound().add(new BigDecimal("0.0001")))).isTrue();
        assertThat(g.isBelow(g.lowerBound().subtract(new BigDecimal("0.0001")))).isTrue();
        assertThat(g.isAbove(base)).isFalse();
        assertThat(g.isBelow(base)).isFalse();
    }
}
