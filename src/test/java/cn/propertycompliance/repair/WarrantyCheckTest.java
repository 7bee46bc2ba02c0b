package cn.propertycompliance.repair;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.facts.Community;
import cn.propertycompliance.facts.Repair;
import cn.propertycompliance.parameters.ParameterValue;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class WarrantyCheckTest {

    private static final ParameterValue FIVE_YEARS = TestParams.value("years", 5);
    private static final ParameterValue SEASONS = TestParams.value("seasons", 2, "certainlyEndedAfterYears", 3);
    private static final LocalDate AS_OF = LocalDate.of(2030, 1, 1);

    private static Repair repair(Repair.Component component, LocalDate reportedOn) {
        return new Repair("R", Repair.Category.ROOF_OR_WALL_LEAK, component, null, List.of(), Repair.Cause.WEAR, reportedOn,
                null, null, null, null, null);
    }

    private static Community acceptedOn(LocalDate date) {
        return new Community("C", null, date, null, null, null, null, null, null);
    }

    @ParameterizedTest(name = "accepted {0}, reported {1} → {2} (last day {3})")
    @CsvSource({
        "2021-06-01, 2026-05-01, WITHIN, 2026-06-01",   // 4 years 11 months
        "2021-06-01, 2026-06-01, WITHIN, 2026-06-01",   // the corresponding day: the last day of warranty
        "2021-06-01, 2026-06-02, ENDED, 2026-06-01",    // 5 years 1 day
        "2020-02-29, 2025-02-28, WITHIN, 2025-02-28",   // no 29 Feb in 2025: the month's last day (民法典 第二百零二条)
        "2020-02-29, 2025-03-01, ENDED, 2025-02-28",
        "2021-06-01, 2021-06-01, WITHIN, 2026-06-01",
    })
    void fiveYearsFromAcceptance(LocalDate accepted, LocalDate reported, WarrantyCheck.Status status, LocalDate lastDay) {
        WarrantyCheck w = WarrantyCheck.of(repair(Repair.Component.ROOF_WATERPROOFING, reported), acceptedOn(accepted), AS_OF, FIVE_YEARS, null);
        assertThat(w.status()).isEqualTo(status);
        assertThat(w.lastDay()).isEqualTo(lastDay);
        assertThat(w.periodText()).isEqualTo("5年");
    }

    @Test
    void withoutAReportDateTheAsOfDateIsUsed() {
        WarrantyCheck w = WarrantyCheck.of(repair(Repair.Component.ROOF_WATERPROOFING, null), acceptedOn(LocalDate.of(2021, 6, 1)),
                LocalDate.of(2026, 6, 2), FIVE_YEARS, null);
        assertThat(w.judgedOn()).isEqualTo(LocalDate.of(2026, 6, 2));
        assertThat(w.status()).isEqualTo(WarrantyCheck.Status.ENDED);
    }

    @Test
    void missingFactsAreListed() {
        WarrantyCheck w = WarrantyCheck.of(repair(null, null), acceptedOn(null), AS_OF, FIVE_YEARS, null);
        assertThat(w.status()).isEqualTo(WarrantyCheck.Status.FACTS_MISSING);
        assertThat(w.missing()).containsExactly("repair.component", "community.completionAcceptanceDate");
    }

    @Test
    void structureDependsOnTheDesignLife() {
        WarrantyCheck w = WarrantyCheck.of(repair(Repair.Component.STRUCTURE, null), acceptedOn(LocalDate.of(1990, 1, 1)), AS_OF,
                TestParams.value("designLife", true), null);
        assertThat(w.status()).isEqualTo(WarrantyCheck.Status.DESIGN_LIFE_UNKNOWN);
    }

    @Test
    void heatingWithinThreeYearsNeedsTheSeasonDates() {
        WarrantyCheck w = WarrantyCheck.of(repair(Repair.Component.HEATING_COOLING, LocalDate.of(2026, 10, 1)),
                acceptedOn(LocalDate.of(2024, 10, 1)), AS_OF, SEASONS, TestParams.pending());
        assertThat(w.status()).isEqualTo(WarrantyCheck.Status.PARAMETER_UNAVAILABLE);
        assertThat(w.unavailableParameter()).isEqualTo("repair.heatingCoolingSeason");
    }

    @Test
    void heatingMoreThanThreeYearsAfterAcceptanceHasCertainlyEnded() {
        WarrantyCheck onTheDay = WarrantyCheck.of(repair(Repair.Component.HEATING_COOLING, LocalDate.of(2026, 10, 1)),
                acceptedOn(LocalDate.of(2023, 10, 1)), AS_OF, SEASONS, TestParams.pending());
        assertThat(onTheDay.status()).isEqualTo(WarrantyCheck.Status.PARAMETER_UNAVAILABLE);
        WarrantyCheck after = WarrantyCheck.of(repair(Repair.Component.HEATING_COOLING, LocalDate.of(2026, 10, 2)),
                acceptedOn(LocalDate.of(2023, 10, 1)), AS_OF, SEASONS, TestParams.pending());
        assertThat(after.status()).isEqualTo(WarrantyCheck.Status.ENDED);
    }

    @Test
    void heatingWithPublishedSeasonDates() {
        // Heating 11-15 … 03-15. Accepted 2024-12-01 (mid-season, not counted): seasons 2025/26 and 2026/27 → 2027-03-15.
        ParameterValue northern = TestParams.value("heatingStart", "11-15", "heatingEnd", "03-15");
        Community c = acceptedOn(LocalDate.of(2024, 12, 1));
        assertThat(WarrantyCheck.of(repair(Repair.Component.HEATING_COOLING, LocalDate.of(2027, 3, 15)), c, AS_OF, SEASONS, northern).status())
                .isEqualTo(WarrantyCheck.Status.WITHIN);
        WarrantyCheck after = WarrantyCheck.of(repair(Repair.Component.HEATING_COOLING, LocalDate.of(2027, 3, 16)), c, AS_OF, SEASONS, northern);
        assertThat(after.status()).isEqualTo(WarrantyCheck.Status.ENDED);
        assertThat(after.lastDay()).isEqualTo(LocalDate.of(2027, 3, 15));
    }
}
