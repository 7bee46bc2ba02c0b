package cn.propertycompliance.repair;

import cn.propertycompliance.calendar.Deadline;
import cn.propertycompliance.calendar.LegalCalendar;
import cn.propertycompliance.facts.Repair;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.vocabulary.Report;
import cn.propertycompliance.vocabulary.Reportable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

/**
 * A review period in days that starts when approval is requested (上海 第七十三条第三款第（二）项: the owners'
 * committee "未在七日内审核同意"), counted as a legal period:
 * <ul>
 *   <li>民法典 第二百零一条: the day of the request is not counted, so the unmoved last day is {@code requestedOn + days};</li>
 *   <li>第二百零三条: a last day that is a 法定休假日 moves to the first following day that is not one (the State Council's
 *       holiday spans; weekends only under the reading {@code calendar.restDays}), through {@link LegalCalendar}.</li>
 * </ul>
 * The committee is in default from the day after the last day. Requested 2026-10-13 (Tuesday) with 7 days: the last day
 * is 2026-10-20 (Tuesday), 2026-10-21 is the first day of default. Requested 2026-10-31: day 7 is Saturday 11-07, the
 * last day moves to Monday 11-09 and default starts on 11-10. A last day the holiday table cannot vouch for is unknown:
 * the period is then {@link #isUndetermined() undetermined} once asOf is past the earliest day it can end (never guessed).
 *
 * @param deadline     the period's last day from the calendar (or, unknown, the earliest day it can be)
 * @param daysElapsed  days since the request on asOf (the request day is day 0)
 * @param approved     the committee approved on or before asOf
 */
public record ReviewPeriod(LocalDate requestedOn, int days, Deadline deadline, LocalDate asOf, long daysElapsed,
                           boolean approved) implements Reportable {

    /**
     * @param review   the review period in force ({@code repair.committeeReviewDays}, available)
     * @param restDays the {@code calendar.restDays} value in force (unavailable: a last day on a weekend is unknown)
     */
    public static ReviewPeriod of(LegalCalendar calendar, Repair repair, ReviewDays review, LocalDate asOf, ParameterValue restDays) {
        return of(calendar, repair, review.days(), asOf, restDays);
    }

    /** As above with the number of days given. */
    public static ReviewPeriod of(LegalCalendar calendar, Repair repair, int days, LocalDate asOf, ParameterValue restDays) {
        LocalDate requested = repair.committeeApprovalRequestedOn();
        Deadline deadline = calendar.calendarDaysAfter(requested, days, LegalCalendar.weekendsAreRestDays(restDays));
        return new ReviewPeriod(requested, days, deadline, asOf, ChronoUnit.DAYS.between(requested, asOf),
                repair.isCommitteeApprovedBy(asOf));
    }

    /** The last day of the period (inclusive), or null when the holiday table cannot tell. */
    public LocalDate lastDay() {
        return deadline.dueBy();
    }

    /** The earliest the last day can be: the last day when known, else {@code requestedOn + days} (a move only lengthens). */
    public LocalDate earliestLastDay() {
        return deadline.notBefore();
    }

    /** How the last day was found when a holiday or weekend moved it (or a make-up working day kept it); else null. */
    public String deadlineNote() {
        return deadline.explanation();
    }

    /** Why the last day is unknown (Chinese), or null. */
    public String unknownReason() {
        return deadline.unknownReason();
    }

    /** The table whose gap leaves the last day unknown ({@code calendar.statutoryHolidays} / {@code calendar.restDays}). */
    public String missingParameter() {
        return deadline.missing();
    }

    /** The period has run out (asOf after its known last day) and no approval was given by asOf. */
    public boolean isLapsedWithoutApproval() {
        return !approved && deadline.isKnown() && asOf.isAfter(deadline.dueBy());
    }

    /**
     * No approval by asOf, asOf is past the earliest day the period can end, but its last day is unknown: whether the
     * committee is in default cannot be said. Before that earliest day the period is certainly still running.
     */
    public boolean isUndetermined() {
        return !approved && !deadline.isKnown() && asOf.isAfter(deadline.notBefore());
    }

    /** The period: when it was asked for, its days and last day (or the earliest it can be, and why it is unknown). */
    @Override
    public void report(Report finding) {
        finding.detail("committeeApprovalRequestedOn", requestedOn).detail("reviewDays", days)
                .detail("reviewLastDay", lastDay()).detail("daysElapsed", daysElapsed).detail("deadlineNote", deadlineNote());
        if (!deadline.isKnown()) {
            finding.detail("earliestLastDay", earliestLastDay()).detail("parameter", missingParameter())
                    .detail("reason", unknownReason());
        }
    }
}
