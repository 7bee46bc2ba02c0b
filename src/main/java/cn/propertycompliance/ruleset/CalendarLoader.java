package cn.propertycompliance.ruleset;

import cn.propertycompliance.calendar.LegalCalendar;
import cn.propertycompliance.calendar.LegalCalendar.NoticeDay;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code rules/national/calendar/*.yaml}: per year the State Council notice (国务院办公厅关于XXXX年部分节假日安排的
 * 通知), its rest periods and its make-up working days, plus an extension notice where one was issued (2020). Strict:
 * an unknown field, a date outside its year, a make-up working day that is not a weekend day or falls inside a rest
 * period, or a year given twice is an error with file and line — the data is copied from the notices and should
 * say exactly what they say, so anything surprising is more likely a typing slip than a new kind of notice.
 */
final class CalendarLoader {

    /** The folder of the holiday table: statutory holidays are national. */
    static final String FOLDER = "rules/national/calendar";

    record CalendarFile(String source, List<YearEntry> years) {
    }

    record YearEntry(Integer year, Notice notice, String basis, List<Span> holidays, List<MakeUpDay> makeUpWorkdays,
                     Extension extensionNotice, List<String> sourceDisagreements) {
    }

    record Notice(String title, String docNumber, LocalDate published, LocalDate releasedOnline, String url, String textSource) {
    }

    record Span(String name, LocalDate from, LocalDate to, String text, String note) {
    }

    record MakeUpDay(LocalDate date, @JsonProperty("for") String forHoliday, String cancelledBy) {
    }

    record Extension(Notice notice, String text, List<Span> holidays, String note) {
    }

    LegalCalendar load(List<SourceFile> files, Problems problems) {
        Set<Integer> years = new LinkedHashSet<>();
        Map<LocalDate, NoticeDay> holidays = new HashMap<>();
        Map<LocalDate, NoticeDay> makeUps = new HashMap<>();
        Map<Integer, String> yearFile = new HashMap<>();
        for (SourceFile file : files) {
            Optional<CalendarFile> parsed = YamlFiles.read(file, CalendarFile.class, problems);
            if (parsed.isEmpty()) {
                continue;
            }
            if (parsed.get().years() == null || parsed.get().years().isEmpty()) {
                problems.error(file, 1, "a holiday table lists 'years:'");
                continue;
            }
            for (YearEntry y : parsed.get().years()) {
                if (y.year() == null) {
                    problems.error(file, file.lineOf("years:"), "every entry of 'years' names its 'year'");
                    continue;
                }
                String previous = yearFile.putIfAbsent(y.year(), file.path());
                if (previous != null) {
                    problems.error(file, file.lineOf("year: " + y.year()), "year " + y.year() + " is already given in " + previous);
                    continue;
                }
                if (year(file, y, holidays, makeUps, problems)) {
                    years.add(y.year());
                }
            }
        }
        return new LegalCalendar(years, holidays, makeUps);
    }

    /** Adds one year's days; false (and errors) when the year is not usable. */
    private static boolean year(SourceFile file, YearEntry y, Map<LocalDate, NoticeDay> holidays, Map<LocalDate, NoticeDay> makeUps,
                                Problems problems) {
        int errorsBefore = problems.errors().size();
        int line = file.lineOf("year: " + y.year());
        if (y.notice() == null || blank(y.notice().docNumber()) || blank(y.notice().title())) {
            problems.error(file, line, "year " + y.year() + ": the notice needs title and docNumber (the days cite it)");
            return false;
        }
        Map<LocalDate, NoticeDay> yearHolidays = new HashMap<>();
        List<Span> spans = y.holidays() == null ? List.of() : y.holidays();
        if (spans.isEmpty()) {
            problems.error(file, line, "year " + y.year() + " lists no holidays");
        }
        spans(file, y.year(), spans, y.notice().docNumber(), yearHolidays, problems);
        Extension ext = y.extensionNotice();
        if (ext != null) {
            if (ext.notice() == null || blank(ext.notice().docNumber()) || ext.holidays() == null || ext.holidays().isEmpty()) {
                problems.error(file, file.lineOf("extensionNotice:"), "year " + y.year()
                        + ": an extension notice needs notice.docNumber and the holidays it adds");
            } else {
                spans(file, y.year(), ext.holidays(), ext.notice().docNumber(), yearHolidays, problems);
            }
        }
        Set<String> names = new LinkedHashSet<>();
        spans.forEach(s -> names.add(s.name()));
        Map<LocalDate, NoticeDay> yearMakeUps = new HashMap<>();
        for (MakeUpDay m : y.makeUpWorkdays() == null ? List.<MakeUpDay>of() : y.makeUpWorkdays()) {
            if (m.date() == null || blank(m.forHoliday())) {
                problems.error(file, line, "year " + y.year() + ": a make-up working day needs date and for");
                continue;
            }
            int at = file.lineOf("date: " + m.date());
            if (!inNoticeYear(m.date(), y.year())) {
                problems.error(file, at, m.date() + " is not in " + y.year() + " (or the last days of the year before)");
            }
            if (m.date().getDayOfWeek() != DayOfWeek.SATURDAY && m.date().getDayOfWeek() != DayOfWeek.SUNDAY) {
                problems.error(file, at, m.date() + " is a " + m.date().getDayOfWeek()
                        + ": a make-up working day (调休上班) is a Saturday or Sunday");
            }
            if (!names.contains(m.forHoliday())) {
                problems.error(file, at, m.date() + ": 'for: " + m.forHoliday() + "' names no holiday of " + y.year() + " " + names);
            }
            boolean insideRest = yearHolidays.containsKey(m.date());
            if (m.cancelledBy() != null) {
                // Cancelled (2020-02-01 by the 春节 extension): the day is whatever the rest periods make it.
                continue;
            }
            if (insideRest) {
                problems.error(file, at, m.date() + " is both a rest day and a make-up working day; a cancelled "
                        + "make-up day names the notice that cancelled it in 'cancelledBy'");
            }
            yearMakeUps.put(m.date(), new NoticeDay(m.forHoliday(), y.notice().docNumber()));
        }
        if (problems.errors().size() > errorsBefore) {
            return false;
        }
        for (Map.Entry<LocalDate, NoticeDay> e : yearHolidays.entrySet()) {
            if (holidays.putIfAbsent(e.getKey(), e.getValue()) != null) {
                problems.error(file, file.lineOf(e.getKey().toString()), e.getKey() + " is a rest day of two notices");
            }
        }
        makeUps.putAll(yearMakeUps);
        return problems.errors().size() == errorsBefore;
    }

    private static void spans(SourceFile file, int year, List<Span> spans, String notice, Map<LocalDate, NoticeDay> out,
                              Problems problems) {
        for (Span s : spans) {
            if (blank(s.name()) || s.from() == null || s.to() == null) {
                problems.error(file, file.lineOf("year: " + year), "year " + year + ": a rest period needs name, from and to");
                continue;
            }
            int at = file.lineOf("from: " + s.from());
            if (s.to().isBefore(s.from())) {
                problems.error(file, at, s.name() + ": 'to' " + s.to() + " is before 'from' " + s.from());
                continue;
            }
            if (!inNoticeYear(s.from(), year) || s.to().getYear() != year) {
                problems.error(file, at, s.name() + " " + s.from() + ".." + s.to() + " is not a rest period of " + year);
                continue;
            }
            for (LocalDate d = s.from(); !d.isAfter(s.to()); d = d.plusDays(1)) {
                if (out.putIfAbsent(d, new NoticeDay(s.name(), notice)) != null) {
                    problems.error(file, at, d + " is in two rest periods of " + year);
                }
            }
        }
    }

    /** A notice for year Y names days of Y, and for 元旦 possibly the last days of Y-1 (2023: from 2022-12-31). */
    private static boolean inNoticeYear(LocalDate date, int year) {
        return date.getYear() == year || (date.getYear() == year - 1 && date.getMonthValue() == 12 && date.getDayOfMonth() >= 25);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static List<SourceFile> select(List<SourceFile> files) {
        List<SourceFile> out = new ArrayList<>();
        for (SourceFile f : files) {
            if (f.folder().equals(FOLDER) && (f.path().endsWith(".yaml") || f.path().endsWith(".yml"))) {
                out.add(f);
            }
        }
        return out;
    }
}
