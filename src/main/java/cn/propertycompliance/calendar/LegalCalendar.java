package cn.propertycompliance.calendar;

import cn.propertycompliance.parameters.ParameterValue;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Legal periods counted by 民法典 第二百零一条 (the day of the event is not counted) and 第二百零三条 (a period whose last
 * day is a 法定休假日 ends on the day after the holiday), over the statutory holidays and make-up working days (调休上班日)
 * of the State Council's yearly notices ({@code rules/national/calendar/statutory-holidays.yaml}).
 *
 * <p>Two kinds of day are kept apart:
 * <ul>
 *   <li>rest days for 第二百零三条: the notices' holiday spans, and — only when the caller's reading says so
 *       ({@code weekendsAreRestDays}, the INTERPRETATION parameter {@code calendar.restDays}) — Saturdays and Sundays
 *       that are not make-up working days;</li>
 *   <li>working days for 工作日 periods: every day that is not in a holiday span and is either Monday–Friday or a
 *       make-up working day. That weekends are not working days is the 5-day week (国务院关于职工工作时间的规定), not a
 *       reading, so it needs no parameter.</li>
 * </ul>
 *
 * <p>A date the table cannot vouch for is never guessed: periods that depend on it come back unknown
 * ({@link Deadline#isKnown()} false) with the reason. Immutable and thread-safe; one instance per release.
 */
public final class LegalCalendar {

    /** A day named by a notice: the holiday it belongs to and the notice's 文号. */
    public record NoticeDay(String holiday, String notice) {
    }

    /**
     * The next year's notice can still reach back into the last days of December: the notice for 2019 made 2018-12-29
     * a make-up working day and 2018-12-30/31 rest days for 元旦 (the 2008 notice did the same with 2007-12-29..31; the
     * 2023 notice starts 元旦 on 2022-12-31, see the table). Until that notice is in the table, the days from 12-29 of
     * the table's last year on are therefore not known. (Those two older notices are not in the table; the cut-off is a
     * conservative choice, not a value read in a text.)
     */
    static final MonthDay NEXT_NOTICE_REACHES_BACK_TO = MonthDay.of(12, 29);

    private static final String[] WEEKDAYS = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};

    private final SortedSet<Integer> years;
    private final Map<LocalDate, NoticeDay> holidays;
    private final Map<LocalDate, NoticeDay> makeUpWorkdays;

    public LegalCalendar(Collection<Integer> years, Map<LocalDate, NoticeDay> holidays, Map<LocalDate, NoticeDay> makeUpWorkdays) {
        this.years = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(years));
        this.holidays = java.util.Collections.unmodifiableMap(new TreeMap<>(holidays));
        this.makeUpWorkdays = java.util.Collections.unmodifiableMap(new TreeMap<>(makeUpWorkdays));
    }

    /** The field of the parameter {@code calendar.restDays} that says whether weekends are 法定休假日 for 第二百零三条. */
    public static final String WEEKEND_READING_FIELD = "weekendsAreStatutoryRestDays";

    /**
     * The reading of 法定休假日 a rule passes to {@link #calendarDaysAfter}: the {@code calendar.restDays} value's
     * {@value #WEEKEND_READING_FIELD}, or null when no reading is in force (a last day on a weekend is then unknown).
     */
    public static Boolean weekendsAreRestDays(ParameterValue restDays) {
        return restDays != null && restDays.isAvailable() ? restDays.as(RestDays.class).weekendsAreStatutoryRestDays() : null;
    }

    /** A calendar that knows no year: every period that needs the holiday table is unknown. */
    public static LegalCalendar empty() {
        return new LegalCalendar(List.of(), Map.of(), Map.of());
    }

    /** True when the table says for certain whether {@code date} is a holiday, a make-up working day or neither. */
    public boolean knows(LocalDate date) {
        if (!years.contains(date.getYear())) {
            return false;
        }
        return years.contains(date.getYear() + 1) || MonthDay.from(date).isBefore(NEXT_NOTICE_REACHES_BACK_TO);
    }

    /** The known dates as text, e.g. "2020-01-01至2026-12-28" (contiguous years assumed for the wording only). */
    public String coverage() {
        if (years.isEmpty()) {
            return "（节假日安排表为空）";
        }
        LocalDate last = NEXT_NOTICE_REACHES_BACK_TO.atYear(years.last()).minusDays(1);
        return LocalDate.of(years.first(), 1, 1) + "至" + last;
    }

    public SortedSet<Integer> years() {
        return years;
    }

    public Optional<NoticeDay> holiday(LocalDate date) {
        return Optional.ofNullable(holidays.get(date));
    }

    public Optional<NoticeDay> makeUpWorkday(LocalDate date) {
        return Optional.ofNullable(makeUpWorkdays.get(date));
    }

    /** Working day (工作日): not in a holiday span, and Monday–Friday or a make-up working day. Empty when unknown. */
    public Optional<Boolean> isWorkingDay(LocalDate date) {
        return knows(date) ? Optional.of(workingDay(date)) : Optional.empty();
    }

    /**
     * N calendar days after {@code start}: the last day is {@code start + days} (第二百零一条: counting starts the next
     * day), moved forward while it is a rest day (第二百零三条). {@code weekendsAreRestDays} is the reading of 法定休假日
     * (null: no reading available — a last day on a weekend is then unknown).
     */
    public Deadline calendarDaysAfter(LocalDate start, int days, Boolean weekendsAreRestDays) {
        requirePositive(days);
        LocalDate end = start.plusDays(days);
        LocalDate day = end;
        boolean weekendMoved = false;
        while (true) {
            if (!knows(day)) {
                return Deadline.unknown(start, end, outside(day), Deadline.HOLIDAY_TABLE);
            }
            if (holidays.containsKey(day)) {
                day = day.plusDays(1);
                continue;
            }
            if (weekend(day) && !makeUpWorkdays.containsKey(day)) {
                if (weekendsAreRestDays == null) {
                    return Deadline.unknown(start, end, day + "为" + describe(day)
                            + "，周休息日是否属于法定休假日没有可用的解释（参数calendar.restDays）", Deadline.WEEKEND_READING);
                }
                if (weekendsAreRestDays) {
                    weekendMoved = true;
                    day = day.plusDays(1);
                    continue;
                }
            }
            break;
        }
        if (!day.equals(end)) {
            return Deadline.known(start, day, "期间届满日" + end + "为" + describe(end) + "，依民法典第二百零三条顺延至" + day
                    + (weekendMoved ? "（周六、周日按法定休假日计，属解释性适用：参数calendar.restDays）" : ""));
        }
        if (weekend(end) && makeUpWorkdays.containsKey(end)) {
            return Deadline.known(start, end, "期间届满日" + end + "为" + WEEKDAYS[end.getDayOfWeek().getValue() - 1] + "，但系"
                    + describe(end) + "，不是法定休假日，不顺延");
        }
        return Deadline.known(start, end, null);
    }

    /** N working days after {@code start}: the N-th working day counted from the next day (第二百零一条). */
    public Deadline workingDaysAfter(LocalDate start, int days) {
        requirePositive(days);
        LocalDate day = start;
        int counted = 0;
        List<String> skipped = new ArrayList<>();
        List<String> makeUps = new ArrayList<>();
        while (counted < days) {
            day = day.plusDays(1);
            if (!knows(day)) {
                // Every working day takes at least one calendar day, so the period cannot end before start + days.
                return Deadline.unknown(start, start.plusDays(days), outside(day), Deadline.HOLIDAY_TABLE);
            }
            if (workingDay(day)) {
                counted++;
                if (weekend(day)) {
                    makeUps.add(day.toString());
                }
            } else {
                skipped.add(day.toString());
            }
        }
        return Deadline.known(start, day, "自" + start + "次日起算第" + days + "个工作日"
                + (skipped.isEmpty() ? "" : "，跳过休息日" + String.join("、", skipped))
                + (makeUps.isEmpty() ? "" : "，计入调休上班日" + String.join("、", makeUps)));
    }

    /**
     * The day N calendar days before {@code event} (the event day is not counted): the latest day by which something
     * must be done "N日前". Not moved: 第二百零三条 lengthens a period for whoever must act by its last day; moving the
     * last day of a period that must end before an event towards the event would shorten the lead time the law
     * protects, so a backward period stays where the arithmetic puts it (a reading, documented in rules/README.md).
     */
    public Deadline calendarDaysBefore(LocalDate event, int days) {
        requirePositive(days);
        return Deadline.known(event, event.minusDays(days), null);
    }

    /** The N-th working day before {@code event}, counted back from the day before it. Unknown bounds: none. */
    public Deadline workingDaysBefore(LocalDate event, int days) {
        requirePositive(days);
        LocalDate day = event;
        int counted = 0;
        while (counted < days) {
            day = day.minusDays(1);
            if (!knows(day)) {
                return new Deadline(event, null, null, null, outside(day), Deadline.HOLIDAY_TABLE);
            }
            if (workingDay(day)) {
                counted++;
            }
        }
        return Deadline.known(event, day, event + "前第" + days + "个工作日");
    }

    /** A day in words for findings: "国庆节假期（国办发明电〔2023〕7号）", "星期六", "春节调休上班日（…）". */
    public String describe(LocalDate date) {
        NoticeDay h = holidays.get(date);
        if (h != null) {
            return h.holiday() + "假期（" + h.notice() + "）";
        }
        NoticeDay m = makeUpWorkdays.get(date);
        if (m != null) {
            return m.holiday() + "调休上班日（" + m.notice() + "）";
        }
        return WEEKDAYS[date.getDayOfWeek().getValue() - 1];
    }

    private boolean workingDay(LocalDate date) {
        return !holidays.containsKey(date) && (!weekend(date) || makeUpWorkdays.containsKey(date));
    }

    private static boolean weekend(LocalDate date) {
        return date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private String outside(LocalDate day) {
        return day + "的休假安排不在节假日安排表内（表内已知日期：" + coverage() + "）";
    }

    private static void requirePositive(int days) {
        if (days < 1) {
            throw new IllegalArgumentException("a period has at least one day, got " + days);
        }
    }
}
