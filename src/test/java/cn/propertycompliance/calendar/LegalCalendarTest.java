package cn.propertycompliance.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.propertycompliance.RepoRelease;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The calendar of the repository's release (rules/national/calendar/statutory-holidays.yaml) against dates checked by
 * hand from the State Council notices, e.g. 国办发明电〔2023〕7号 for 2024: 国庆节 10月1日至7日放假调休, 9月29日（星期日）、
 * 10月12日（星期六）上班.
 */
class LegalCalendarTest {

    private static final LegalCalendar CAL = RepoRelease.get().calendar();
    private static final Boolean WEEKENDS_REST = Boolean.TRUE;

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @Nested
    class CalendarDayPeriods {

        @Test
        void aLastDayInTheNationalDayHolidayMovesToTheFirstWorkingDayAfterIt() {
            // 2024-09-20 + 15 = 2024-10-05 (Saturday, inside 10-01..10-07) → 2024-10-08 (Tuesday).
            Deadline due = CAL.calendarDaysAfter(d("2024-09-20"), 15, WEEKENDS_REST);
            assertThat(due.dueBy()).isEqualTo(d("2024-10-08"));
            assertThat(due.notBefore()).isEqualTo(due.dueBy());
            assertThat(due.explanation()).contains("2024-10-05", "国庆节", "国办发明电〔2023〕7号", "2024-10-08");
        }

        @Test
        void aLastDayOnTheFirstDayOfTheHolidayMovesPastTheWholeHoliday() {
            // 2025: 国庆节、中秋节 10月1日至8日 → 2025-10-09 (Thursday).
            assertThat(CAL.calendarDaysAfter(d("2025-09-21"), 10, WEEKENDS_REST).dueBy()).isEqualTo(d("2025-10-09"));
        }

        @Test
        void aLastDayOnAnOrdinarySaturdayMovesToMonday() {
            // 2024-03-01 + 15 = 2024-03-16, a Saturday with no notice on it → Monday 2024-03-18.
            assertThat(d("2024-03-16").getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
            Deadline due = CAL.calendarDaysAfter(d("2024-03-01"), 15, WEEKENDS_REST);
            assertThat(due.dueBy()).isEqualTo(d("2024-03-18"));
            assertThat(due.explanation()).contains("星期六", "calendar.restDays");
        }

        @Test
        void aLastDayOnAMakeUpWorkingSundayDoesNotMove() {
            // 2024-09-29 is a Sunday and a make-up working day for 国庆节.
            assertThat(d("2024-09-29").getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
            Deadline due = CAL.calendarDaysAfter(d("2024-09-14"), 15, WEEKENDS_REST);
            assertThat(due.dueBy()).isEqualTo(d("2024-09-29"));
            assertThat(due.explanation()).contains("调休上班日", "不顺延");
        }

        @Test
        void aLastDayOnAMakeUpWorkingSaturdayDoesNotMove() {
            assertThat(CAL.calendarDaysAfter(d("2024-10-02"), 10, WEEKENDS_REST).dueBy()).isEqualTo(d("2024-10-12"));
        }

        @Test
        void newYearsEveOf2024IsAnOrdinaryWorkingDay() {
            // 除夕 2024-02-09 (Friday) is only "encouraged" as a day off: not a statutory rest day.
            Deadline due = CAL.calendarDaysAfter(d("2024-01-30"), 10, WEEKENDS_REST);
            assertThat(due.dueBy()).isEqualTo(d("2024-02-09"));
            assertThat(due.explanation()).isNull();
        }

        @Test
        void aWeekendRunningIntoAHolidayMovesPastBoth() {
            // 2023-12-30/31 weekend, 2024-01-01 元旦 → 2024-01-02.
            assertThat(CAL.calendarDaysAfter(d("2023-12-20"), 10, WEEKENDS_REST).dueBy()).isEqualTo(d("2024-01-02"));
        }

        @Test
        void the2020SpringFestivalExtensionIsARestPeriodAndCancelsTheMakeUpDay() {
            // 国办发明电〔2020〕1号: 春节 extended to 2020-02-02; the make-up Saturday 2020-02-01 falls inside it.
            Deadline due = CAL.calendarDaysAfter(d("2020-01-17"), 15, WEEKENDS_REST);
            assertThat(due.dueBy()).isEqualTo(d("2020-02-03"));
            assertThat(due.explanation()).contains("国办发明电〔2020〕1号");
        }

        @Test
        void aDayOfTheNextYearsNoticeInLateDecemberBelongsToThatNotice() {
            // The 2023 notice starts 元旦 on 2022-12-31.
            assertThat(CAL.holiday(d("2022-12-31"))).hasValueSatisfying(h -> assertThat(h.notice()).isEqualTo("国办发明电〔2022〕16号"));
            assertThat(CAL.calendarDaysAfter(d("2022-12-21"), 10, WEEKENDS_REST).dueBy()).isEqualTo(d("2023-01-03"));
        }

        @Test
        void withoutTheWeekendReadingOnlyTheNoticesHolidaysMoveALastDay() {
            assertThat(CAL.calendarDaysAfter(d("2024-03-01"), 15, false).dueBy()).isEqualTo(d("2024-03-16"));
            // 2024-10-05 is in the holiday span: moved either way.
            assertThat(CAL.calendarDaysAfter(d("2024-09-20"), 15, false).dueBy()).isEqualTo(d("2024-10-08"));
        }

        @Test
        void withNoWeekendReadingAWeekendLastDayIsUnknownButAWeekdayIsNot() {
            Deadline due = CAL.calendarDaysAfter(d("2024-03-01"), 15, null);
            assertThat(due.isKnown()).isFalse();
            assertThat(due.notBefore()).isEqualTo(d("2024-03-16"));
            assertThat(due.unknownReason()).contains("calendar.restDays");
            assertThat(CAL.calendarDaysAfter(d("2024-03-01"), 14, null).dueBy()).isEqualTo(d("2024-03-15"));
        }
    }

    @Nested
    class WorkingDayPeriods {

        @Test
        void countsAMakeUpSundaySkipsASaturdayAndTheHoliday() {
            // From Thu 2024-09-26: Fri 27 (1), Sat 28 rest, Sun 29 make-up (2), Mon 30 (3), 10-01..07 holiday,
            // Tue 10-08 (4), Wed 10-09 (5).
            Deadline due = CAL.workingDaysAfter(d("2024-09-26"), 5);
            assertThat(due.dueBy()).isEqualTo(d("2024-10-09"));
            assertThat(due.explanation()).contains("2024-09-28", "2024-09-29");
        }

        @Test
        void countsAMakeUpSundayAcrossAWeekend() {
            // 春节 2024: 2月4日（星期日）上班. From Thu 2024-02-01: Fri 02 (1), Sat 03 rest, Sun 04 (2), Mon 05 (3).
            assertThat(CAL.workingDaysAfter(d("2024-02-01"), 3).dueBy()).isEqualTo(d("2024-02-05"));
        }

        @Test
        void anOrdinaryWeekendIsSkipped() {
            // From Fri 2024-03-15: Mon 18 (1) … Fri 22 (5).
            assertThat(CAL.workingDaysAfter(d("2024-03-15"), 5).dueBy()).isEqualTo(d("2024-03-22"));
        }

        @Test
        void backwardsTheMakeUpSundayCountsAndTheHolidayDoesNot() {
            // 5 working days before 2024-10-08: 09-30 (1), 09-29 make-up (2), 09-28 rest, 09-27 (3), 09-26 (4), 09-25 (5).
            assertThat(CAL.workingDaysBefore(d("2024-10-08"), 5).dueBy()).isEqualTo(d("2024-09-25"));
        }

        @Test
        void aDayOutsideTheTableMakesAWorkingDayPeriodUnknownNotGuessed() {
            Deadline due = CAL.workingDaysAfter(d("2026-12-21"), 10);
            assertThat(due.isKnown()).isFalse();
            assertThat(due.notBefore()).isEqualTo(d("2026-12-31"));
            assertThat(due.unknownReason()).contains("2026-12-29");
            assertThat(CAL.workingDaysAfter(d("2019-12-20"), 3).isKnown()).isFalse();
        }
    }

    @Nested
    class Coverage {

        @Test
        void theTableCoversTheNoticesOf2020To2026() {
            assertThat(CAL.years()).containsExactly(2020, 2021, 2022, 2023, 2024, 2025, 2026);
            assertThat(CAL.knows(d("2020-01-01"))).isTrue();
            assertThat(CAL.knows(d("2019-12-31"))).isFalse();
            assertThat(CAL.knows(d("2025-12-31"))).isTrue();
        }

        @Test
        void theLastDaysOfTheLastYearWaitForTheNextNotice() {
            assertThat(CAL.knows(d("2026-12-28"))).isTrue();
            assertThat(CAL.knows(d("2026-12-29"))).isFalse();
            assertThat(CAL.coverage()).isEqualTo("2020-01-01至2026-12-28");
        }

        @Test
        void aCalendarDayPeriodEndingOutsideTheTableIsUnknownWithItsEarliestDay() {
            Deadline due = CAL.calendarDaysAfter(d("2026-12-20"), 10, WEEKENDS_REST);
            assertThat(due.isKnown()).isFalse();
            assertThat(due.notBefore()).isEqualTo(d("2026-12-30"));
            assertThat(due.unknownReason()).contains("2020-01-01至2026-12-28");
        }

        @Test
        void aMoveMayEndOnTheLastKnownDay() {
            // 2026-12-26 Saturday → 27 Sunday → 28 Monday, the last day the table vouches for.
            assertThat(CAL.calendarDaysAfter(d("2026-12-16"), 10, WEEKENDS_REST).dueBy()).isEqualTo(d("2026-12-28"));
        }

        @Test
        void anEmptyCalendarKnowsNothing() {
            LegalCalendar empty = LegalCalendar.empty();
            assertThat(empty.knows(d("2024-03-01"))).isFalse();
            assertThat(empty.calendarDaysAfter(d("2024-03-01"), 5, true).isKnown()).isFalse();
        }

        @Test
        void aPeriodHasAtLeastOneDay() {
            assertThatThrownBy(() -> CAL.calendarDaysAfter(d("2024-03-01"), 0, true)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void backwardCalendarPeriodsAreNotMoved() {
            // Delivery 2024-10-16, 15 days before: 2024-10-01 (a holiday) — stays.
            assertThat(CAL.calendarDaysBefore(d("2024-10-16"), 15).dueBy()).isEqualTo(d("2024-10-01"));
        }
    }

    /** Seeded random starts: the defining properties of both kinds of period hold wherever the table is known. */
    @Nested
    class Properties {

        @ParameterizedTest
        @ValueSource(longs = {1L, 7L, 42L, 2024L, 20261001L})
        void calendarDayPeriodsEndOnTheFirstNonRestDayFromStartPlusN(long seed) {
            Random random = new Random(seed);
            for (int i = 0; i < 400; i++) {
                LocalDate start = d("2020-01-01").plusDays(random.nextInt(2500));
                int days = 1 + random.nextInt(40);
                Deadline due = CAL.calendarDaysAfter(start, days, WEEKENDS_REST);
                LocalDate end = start.plusDays(days);
                if (!due.isKnown()) {
                    assertThat(due.notBefore()).isEqualTo(end);
                    continue;
                }
                assertThat(due.dueBy()).isAfterOrEqualTo(end);
                assertThat(isRest(due.dueBy())).as("%s is a rest day", due.dueBy()).isFalse();
                for (LocalDate x = end; x.isBefore(due.dueBy()); x = x.plusDays(1)) {
                    assertThat(isRest(x)).as("%s moved past %s, which is not a rest day", end, x).isTrue();
                }
            }
        }

        @ParameterizedTest
        @ValueSource(longs = {3L, 11L, 99L, 2025L})
        void workingDayPeriodsEndOnTheNthWorkingDay(long seed) {
            Random random = new Random(seed);
            for (int i = 0; i < 400; i++) {
                LocalDate start = d("2020-01-01").plusDays(random.nextInt(2500));
                int days = 1 + random.nextInt(20);
                Deadline due = CAL.workingDaysAfter(start, days);
                if (!due.isKnown()) {
                    continue;
                }
                long working = LongStream.rangeClosed(1, start.until(due.dueBy(), java.time.temporal.ChronoUnit.DAYS))
                        .mapToObj(start::plusDays).filter(x -> CAL.isWorkingDay(x).orElseThrow()).count();
                assertThat(working).isEqualTo(days);
                assertThat(CAL.isWorkingDay(due.dueBy())).contains(true);
            }
        }

        private boolean isRest(LocalDate x) {
            boolean weekend = x.getDayOfWeek() == DayOfWeek.SATURDAY || x.getDayOfWeek() == DayOfWeek.SUNDAY;
            return CAL.holiday(x).isPresent() || (weekend && CAL.makeUpWorkday(x).isEmpty());
        }
    }
}
