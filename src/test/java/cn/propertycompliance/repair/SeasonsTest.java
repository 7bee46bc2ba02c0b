package cn.propertycompliance.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SeasonsTest {

    private static final Seasons HEATING = Seasons.of(TestParams.value("heatingStart", "11-15", "heatingEnd", "03-15"));
    private static final Seasons BOTH = Seasons.of(TestParams.value("heatingStart", "11-15", "heatingEnd", "03-15",
            "coolingStart", "06-01", "coolingEnd", "09-30"));

    @Test
    void aSeasonStartingOnTheAcceptanceDayIsNotCounted() {
        // 民法典 第二百零一条: the acceptance day is not counted, so the season beginning that day is not whole.
        assertThat(HEATING.lastDayOfNth(LocalDate.of(2024, 11, 15), 1)).isEqualTo(LocalDate.of(2026, 3, 15));
        assertThat(HEATING.lastDayOfNth(LocalDate.of(2024, 11, 14), 1)).isEqualTo(LocalDate.of(2025, 3, 15));
    }

    @Test
    void twoSeasonsAfterASummerAcceptance() {
        assertThat(HEATING.lastDayOfNth(LocalDate.of(2024, 7, 1), 2)).isEqualTo(LocalDate.of(2026, 3, 15));
    }

    @Test
    void aCombinedSystemWaitsForTheLaterSeason() {
        // cooling: 2025-06-01…09-30, 2026-06-01…09-30; heating: 2024/25, 2025/26 → the later is 2026-09-30
        assertThat(BOTH.lastDayOfNth(LocalDate.of(2024, 7, 1), 2)).isEqualTo(LocalDate.of(2026, 9, 30));
    }

    /** Seeded property behind the "certainly ended after three years" reading: two whole seasons end within 3 years. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void twoWholeSeasonsEndWithinThreeYears(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 500; i++) {
            LocalDate accepted = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(365 * 40));
            int startDay = 1 + random.nextInt(365);
            int length = 1 + random.nextInt(300);
            LocalDate s = LocalDate.ofYearDay(2001, startDay);
            LocalDate e = s.plusDays(length);
            Seasons seasons = Seasons.of(TestParams.value("heatingStart", mmdd(s), "heatingEnd", mmdd(e)));
            LocalDate last = seasons.lastDayOfNth(accepted, 2);
            assertThat(last).as("accepted %s, season %s…%s", accepted, mmdd(s), mmdd(e))
                    .isAfter(accepted).isBeforeOrEqualTo(accepted.plusYears(3));
        }
    }

    private static String mmdd(LocalDate d) {
        return String.format("%02d-%02d", d.getMonthValue(), d.getDayOfMonth());
    }

    static Stream<Arguments> seeds() {
        return IntStream.of(3, 11, 2026).mapToObj(s -> Arguments.of((long) s));
    }
}
