package cn.propertycompliance.repair;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.calendar.LegalCalendar;
import cn.propertycompliance.facts.Repair;
import cn.propertycompliance.parameters.ParameterValue;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The committee's seven days over the repository's holiday table; every date below was checked by hand on a calendar. */
class ReviewPeriodTest {

    private static final LegalCalendar CAL = RepoRelease.get().calendar();
    private static final ParameterValue WEEKENDS_REST = TestParams.value("weekendsAreStatutoryRestDays", true);
    private static final ParameterValue WEEKENDS_NOT_REST = TestParams.value("weekendsAreStatutoryRestDays", false);
    private static final ParameterValue NO_READING = TestParams.pending();

    private static Repair requested(LocalDate on, LocalDate approvedOn) {
        return new Repair("R", Repair.Category.ELEVATOR_FAULT, null, true, List.of(), null, null, null, null, on, approvedOn, null);
    }

    private static ReviewPeriod period(String requestedOn, String approvedOn, String asOf, ParameterValue restDays) {
        return ReviewPeriod.of(CAL, requested(LocalDate.parse(requestedOn), approvedOn == null ? null : LocalDate.parse(approvedOn)),
                7, LocalDate.parse(asOf), restDays);
    }

    @ParameterizedTest(name = "requested {0}, asOf {1}: last day {2}, day {3}, lapsed {4}")
    @CsvSource({
        // plain: Tue → day 7 Tue 10-20 (the request day is not counted), day 8 Wed 10-21
        "2026-10-13, 2026-10-13, 2026-10-20, 0, false",
        "2026-10-13, 2026-10-20, 2026-10-20, 7, false",
        "2026-10-13, 2026-10-21, 2026-10-20, 8, true",
        // day 7 an ordinary Saturday (11-07): moves over the weekend to Monday 11-09
        "2026-10-31, 2026-11-07, 2026-11-09, 7, false",
        "2026-10-31, 2026-11-08, 2026-11-09, 8, false",
        "2026-10-31, 2026-11-09, 2026-11-09, 9, false",
        "2026-10-31, 2026-11-10, 2026-11-09, 10, true",
        // day 7 a Sunday (2026-10-11, the day after the make-up working Saturday 10-10): Monday 10-12
        "2026-10-04, 2026-10-12, 2026-10-12, 8, false",
        "2026-10-04, 2026-10-13, 2026-10-12, 9, true",
        // day 7 in National Day 2024 (10-01..07, 国办发明电〔2023〕7号): Tuesday 10-08
        "2024-09-26, 2024-10-08, 2024-10-08, 12, false",
        "2024-09-26, 2024-10-09, 2024-10-08, 13, true",
        // day 7 the make-up working Saturday 2024-10-12: not a rest day, not moved
        "2024-10-05, 2024-10-12, 2024-10-12, 7, false",
        "2024-10-05, 2024-10-13, 2024-10-12, 8, true",
    })
    void sevenDaysAfterTheRequest(String requestedOn, String asOf, LocalDate lastDay, long day, boolean lapsed) {
        ReviewPeriod p = period(requestedOn, null, asOf, WEEKENDS_REST);
        assertThat(p.lastDay()).isEqualTo(lastDay);
        assertThat(p.daysElapsed()).isEqualTo(day);
        assertThat(p.isLapsedWithoutApproval()).isEqualTo(lapsed);
        assertThat(p.isUndetermined()).isFalse();
    }

    @Test
    void theNoteSaysWhyTheLastDayMoved() {
        assertThat(period("2024-09-26", null, "2024-10-09", WEEKENDS_REST).deadlineNote())
                .contains("2024-10-03", "国庆节", "第二百零三条", "2024-10-08").doesNotContain("calendar.restDays");
        assertThat(period("2026-10-31", null, "2026-11-10", WEEKENDS_REST).deadlineNote())
                .contains("星期六", "2026-11-09", "calendar.restDays");
        assertThat(period("2024-10-05", null, "2024-10-13", WEEKENDS_REST).deadlineNote()).contains("调休上班日", "不顺延");
        assertThat(period("2026-10-13", null, "2026-10-21", WEEKENDS_REST).deadlineNote()).isNull();
    }

    @Test
    void weekendsMoveTheLastDayOnlyUnderTheReading() {
        // Reading false: only the notices' holidays are 法定休假日, so Saturday 11-07 stays the last day.
        ReviewPeriod notRest = period("2026-10-31", null, "2026-11-08", WEEKENDS_NOT_REST);
        assertThat(notRest.lastDay()).isEqualTo(LocalDate.of(2026, 11, 7));
        assertThat(notRest.isLapsedWithoutApproval()).isTrue();
        // No reading in force: a Saturday last day is unknown — undetermined after day 7, open until then.
        ReviewPeriod none = period("2026-10-31", null, "2026-11-08", NO_READING);
        assertThat(none.lastDay()).isNull();
        assertThat(none.earliestLastDay()).isEqualTo(LocalDate.of(2026, 11, 7));
        assertThat(none.missingParameter()).isEqualTo("calendar.restDays");
        assertThat(none.isUndetermined()).isTrue();
        assertThat(none.isLapsedWithoutApproval()).isFalse();
        assertThat(period("2026-10-31", null, "2026-11-07", NO_READING).isUndetermined()).isFalse();
        // A weekday last day needs no reading.
        assertThat(period("2026-10-13", null, "2026-10-21", NO_READING).isLapsedWithoutApproval()).isTrue();
    }

    @Test
    void aLastDayOutsideTheHolidayTableIsNeverGuessed() {
        // 2026-12-25 + 7 = 2027-01-01: the table holds no 2027 notice (and none reaching back from 12-29 on).
        ReviewPeriod onDay7 = period("2026-12-25", null, "2027-01-01", WEEKENDS_REST);
        assertThat(onDay7.lastDay()).isNull();
        assertThat(onDay7.isUndetermined()).isFalse();      // the period cannot have ended before its unmoved day 7
        ReviewPeriod after = period("2026-12-25", null, "2027-01-04", WEEKENDS_REST);
        assertThat(after.isUndetermined()).isTrue();
        assertThat(after.isLapsedWithoutApproval()).isFalse();
        assertThat(after.missingParameter()).isEqualTo("calendar.statutoryHolidays");
        assertThat(after.unknownReason()).contains("2027-01-01");
        // Approved by asOf: nothing to decide, known or not.
        assertThat(period("2026-12-25", "2026-12-30", "2027-01-04", WEEKENDS_REST).isUndetermined()).isFalse();
    }

    @Test
    void anApprovalGivenByAsOfClosesIt() {
        assertThat(period("2026-10-13", "2026-10-18", "2026-10-21", WEEKENDS_REST).isLapsedWithoutApproval()).isFalse();
        // approved late (day 9), judged on day 10: approved by then
        assertThat(period("2026-10-13", "2026-10-22", "2026-10-23", WEEKENDS_REST).isLapsedWithoutApproval()).isFalse();
        // an approval dated after asOf had not happened yet on asOf
        assertThat(period("2026-10-13", "2026-10-30", "2026-10-21", WEEKENDS_REST).isLapsedWithoutApproval()).isTrue();
    }
}
