package cn.propertycompliance.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The structured dates of statutory-holidays.yaml against the notice items quoted in the same file ({@code text}):
 * the rest period's first and last day and its length ("共N天"), the make-up working days named before "上班", and
 * every weekday the notice prints in brackets ("（星期日）", "（周六）") against the real calendar. A slip in either
 * the dates or the quoted text makes this fail.
 */
class HolidayTableTextTest {

    private static final Path TABLE = Path.of("rules/national/calendar/statutory-holidays.yaml");
    private static final String DATE = "(?:(\\d{4})年)?(\\d{1,2})月(\\d{1,2})日(?:（([^）]*)）)?";
    private static final Pattern SPAN = Pattern.compile("：" + DATE + "(?:至(?:(\\d{4})年)?(?:(\\d{1,2})月)?(\\d{1,2})日(?:（([^）]*)）)?)?放假");
    private static final Pattern ONE_DATE = Pattern.compile(DATE);
    private static final Pattern DAYS = Pattern.compile("共(\\d+)天");
    private static final Pattern WEEKDAY = Pattern.compile("(?:星期|周)([一二三四五六日])");
    private static final String WEEKDAYS = "一二三四五六日";

    @TestFactory
    Stream<DynamicTest> everyItemAgreesWithItsText() throws Exception {
        JsonNode root = YAMLMapper.builder().build().readTree(Files.readAllBytes(TABLE));
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode year : root.get("years")) {
            int y = year.get("year").asInt();
            for (JsonNode h : year.get("holidays")) {
                tests.add(DynamicTest.dynamicTest(y + " " + h.get("name").asString(), () -> check(y, h, year.get("makeUpWorkdays"))));
            }
        }
        assertThat(tests).hasSizeGreaterThanOrEqualTo(45);
        return tests.stream();
    }

    private static void check(int year, JsonNode holiday, JsonNode makeUps) {
        String text = holiday.get("text").asString();
        LocalDate from = LocalDate.parse(holiday.get("from").asString());
        LocalDate to = LocalDate.parse(holiday.get("to").asString());
        Matcher span = SPAN.matcher(text);
        assertThat(span.find()).as("a rest period in: " + text).isTrue();
        int firstYear = span.group(1) == null ? year : Integer.parseInt(span.group(1));
        LocalDate textFrom = LocalDate.of(firstYear, Integer.parseInt(span.group(2)), Integer.parseInt(span.group(3)));
        LocalDate textTo = textFrom;
        if (span.group(7) != null) {
            int toYear = span.group(5) == null ? textFrom.getYear() : Integer.parseInt(span.group(5));
            int toMonth = span.group(6) == null ? textFrom.getMonthValue() : Integer.parseInt(span.group(6));
            textTo = LocalDate.of(toYear, toMonth, Integer.parseInt(span.group(7)));
        }
        assertThat(from).as("from, per: " + text).isEqualTo(textFrom);
        assertThat(to).as("to, per: " + text).isEqualTo(textTo);
        Matcher days = DAYS.matcher(text);
        if (days.find()) {
            assertThat(ChronoUnit.DAYS.between(from, to) + 1).as("共N天 in: " + text).isEqualTo(Long.parseLong(days.group(1)));
        }
        // Every bracketed weekday the notice prints matches the calendar.
        Matcher any = ONE_DATE.matcher(text);
        while (any.find()) {
            if (any.group(4) == null) {
                continue;
            }
            Matcher wd = WEEKDAY.matcher(any.group(4));
            if (wd.find()) {
                int y = any.group(1) == null ? year : Integer.parseInt(any.group(1));
                LocalDate date = LocalDate.of(y, Integer.parseInt(any.group(2)), Integer.parseInt(any.group(3)));
                assertThat(date.getDayOfWeek()).as(date + " in: " + text)
                        .isEqualTo(DayOfWeek.of(WEEKDAYS.indexOf(wd.group(1)) + 1));
            }
        }
        // The make-up working days the item names ("…上班") are exactly those listed for it.
        Set<LocalDate> named = new TreeSet<>();
        for (String sentence : text.split("。")) {
            if (sentence.endsWith("上班") && !sentence.contains("正常上班")) {
                Matcher m = ONE_DATE.matcher(sentence);
                while (m.find()) {
                    named.add(LocalDate.of(m.group(1) == null ? year : Integer.parseInt(m.group(1)),
                            Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
                }
            }
        }
        String name = holiday.get("name").asString();
        Set<LocalDate> listed = new TreeSet<>();
        if (makeUps != null) {
            for (JsonNode m : makeUps) {
                if (m.get("for").asString().equals(name)) {
                    listed.add(LocalDate.parse(m.get("date").asString()));
                }
            }
        }
        assertThat(listed).as("make-up days of " + year + " " + name + " per: " + text).isEqualTo(named);
    }
}
