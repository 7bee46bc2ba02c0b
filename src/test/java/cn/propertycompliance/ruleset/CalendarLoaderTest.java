package cn.propertycompliance.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.calendar.LegalCalendar;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The holiday table is read strictly: every slip is an error with file and line, nothing is silently dropped. */
class CalendarLoaderTest {

    private static final String PATH = "rules/national/calendar/statutory-holidays.yaml";

    private static final String GOOD = """
            source: test
            years:
              - year: 2024
                notice: {title: 国务院办公厅关于2024年部分节假日安排的通知, docNumber: 国办发明电〔2023〕7号}
                holidays:
                  - {name: 国庆节, from: 2024-10-01, to: 2024-10-07}
                makeUpWorkdays:
                  - {date: 2024-09-29, for: 国庆节}
                  - {date: 2024-10-12, for: 国庆节}
            """;

    private static LegalCalendar load(String yaml, Problems problems) {
        return new CalendarLoader().load(List.of(new SourceFile(PATH, yaml.getBytes(StandardCharsets.UTF_8))), problems);
    }

    private static List<String> errors(String yaml) {
        Problems problems = new Problems();
        load(yaml, problems);
        return problems.errors().stream().map(Problem::toString).toList();
    }

    @Test
    void readsAYear() {
        Problems problems = new Problems();
        LegalCalendar cal = load(GOOD, problems);
        assertThat(problems.errors()).isEmpty();
        assertThat(cal.holiday(LocalDate.parse("2024-10-03"))).isPresent();
        assertThat(cal.makeUpWorkday(LocalDate.parse("2024-09-29"))).isPresent();
        assertThat(cal.knows(LocalDate.parse("2023-06-01"))).isFalse();
    }

    @Test
    void anUnknownFieldIsAnErrorWithItsLine() {
        assertThat(errors(GOOD.replace("- {name: 国庆节, from", "- {nmae: 国庆节, from")))
                .singleElement().asString().startsWith(PATH + ":6:").contains("nmae");
    }

    @Test
    void anUnquotedCommaInAFlowMappingIsCaught() {
        // The defect the repository's table had: "note: a, b}" makes "b" a key of its own.
        assertThat(errors(GOOD.replace("to: 2024-10-07}", "to: 2024-10-07, note: one thing, another}")))
                .singleElement().asString().contains("another");
    }

    @Test
    void aMakeUpWorkingDayOnAWeekdayIsAnError() {
        assertThat(errors(GOOD.replace("2024-10-12", "2024-10-11")))
                .singleElement().asString().startsWith(PATH + ":9:").contains("Saturday or Sunday");
    }

    @Test
    void aMakeUpWorkingDayInsideARestPeriodNeedsCancelledBy() {
        String clash = GOOD.replace("to: 2024-10-07}", "to: 2024-10-13}");
        assertThat(errors(clash)).anyMatch(e -> e.contains("2024-10-12 is both a rest day and a make-up working day"));
        assertThat(errors(clash.replace("{date: 2024-10-12, for: 国庆节}", "{date: 2024-10-12, for: 国庆节, cancelledBy: X}")))
                .isEmpty();
    }

    @Test
    void aMakeUpDayForAnUnknownHolidayIsAnError() {
        assertThat(errors(GOOD.replace("{date: 2024-09-29, for: 国庆节}", "{date: 2024-09-29, for: 中秋节}")))
                .singleElement().asString().contains("names no holiday");
    }

    @Test
    void datesOutsideTheNoticeYearAreErrors() {
        assertThat(errors(GOOD.replace("from: 2024-10-01", "from: 2023-10-01"))).singleElement().asString().contains("not a rest period of 2024");
        assertThat(errors(GOOD.replace("to: 2024-10-07", "to: 2024-09-07"))).singleElement().asString().contains("before 'from'");
    }

    @Test
    void aYearGivenTwiceIsAnError() {
        String twice = GOOD + GOOD.substring(GOOD.indexOf("  - year: 2024"));
        assertThat(errors(twice)).singleElement().asString().contains("already given");
    }

    @Test
    void aNoticeWithoutDocNumberIsAnError() {
        assertThat(errors(GOOD.replace(", docNumber: 国办发明电〔2023〕7号", ""))).singleElement().asString().contains("docNumber");
    }

    @Test
    void theRepositoryTableLoadsWithoutProblems() throws Exception {
        byte[] bytes = java.nio.file.Files.readAllBytes(java.nio.file.Path.of(PATH));
        Problems problems = new Problems();
        LegalCalendar cal = new CalendarLoader().load(List.of(new SourceFile(PATH, bytes)), problems);
        assertThat(problems.errors()).isEmpty();
        assertThat(cal.years()).hasSize(7);
    }
}
