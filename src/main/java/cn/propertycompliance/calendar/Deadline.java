package cn.propertycompliance.calendar;

import java.time.LocalDate;

/**
 * The last day of a legal period, or — when the holiday table cannot tell — the earliest day it can be.
 *
 * @param start       the day the period counts from (after) or back from (before); not itself counted
 * @param dueBy       the last day of the period (inclusive, 民法典 第二百零三条第二款: until 24:00), or null when unknown
 * @param notBefore   a day the last day cannot be earlier than: {@code dueBy} when known, otherwise the unmoved end of
 *                    the period (a move under 第二百零三条 only ever makes a period longer)
 * @param explanation how the last day was found when that is not plain arithmetic (a move, a make-up working day that
 *                    stops a move), in Chinese for a finding's details; null otherwise
 * @param unknownReason why {@code dueBy} cannot be known, in Chinese; null when it is known
 * @param missing     what would make it known: {@link #HOLIDAY_TABLE} or {@link #WEEKEND_READING}; null when known
 */
public record Deadline(LocalDate start, LocalDate dueBy, LocalDate notBefore, String explanation, String unknownReason,
                       String missing) {

    /** The statutory-holiday table (rules/national/calendar) does not cover a day the period needs. */
    public static final String HOLIDAY_TABLE = "calendar.statutoryHolidays";
    /** No reading of whether weekends are 法定休假日 (parameter calendar.restDays) is in force. */
    public static final String WEEKEND_READING = "calendar.restDays";

    public static Deadline known(LocalDate start, LocalDate dueBy, String explanation) {
        return new Deadline(start, dueBy, dueBy, explanation, null, null);
    }

    static Deadline unknown(LocalDate start, LocalDate notBefore, String reason, String missing) {
        return new Deadline(start, null, notBefore, null, reason, missing);
    }

    public boolean isKnown() {
        return dueBy != null;
    }
}
