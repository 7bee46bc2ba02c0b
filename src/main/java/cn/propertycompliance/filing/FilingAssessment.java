package cn.propertycompliance.filing;

import cn.propertycompliance.facts.Filings.EventType;
import cn.propertycompliance.facts.Filings.FilingType;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.vocabulary.Report;
import cn.propertycompliance.vocabulary.Reportable;
import java.time.LocalDate;

/**
 * Where one filing stands at asOf: the triggering event, the deadline, the record that answers it and the outcome
 * the rules turn into findings.
 *
 * @param deadlineValue the {@code filing.deadline} entry in force on the event's date (its citations go on the finding)
 * @param deadline      that entry read, or null when PENDING or malformed
 * @param dueBy         the last day (inclusive); for DUE from a deadline the holiday table cannot fix, the earliest
 *                      possible last day ({@link #dueByMayMove()})
 * @param daysLate      LATE: filedOn − dueBy; MISSING: asOf − dueBy
 * @param daysLeft      DUE: dueBy − asOf (0 on the last day)
 * @param deadlineNote  how the last day was found when it is not plain arithmetic (a 第二百零三条 move …)
 * @param reason        UNDETERMINED / NOT_RECORDED: why no deadline can be applied, in Chinese
 * @param missingParameter UNDETERMINED / NOT_RECORDED: the parameter or table whose value is lacking
 */
public record FilingAssessment(
        FilingType filing,
        Outcome outcome,
        ParameterValue deadlineValue,
        FilingDeadline deadline,
        EventType eventType,
        LocalDate eventDate,
        LocalDate dueBy,
        boolean dueByMayMove,
        LocalDate filedOn,
        Long daysLate,
        Long daysLeft,
        String deadlineNote,
        String reason,
        String missingParameter,
        LocalDate asOf) implements Reportable {

    public enum Outcome {
        /** Filed on or before the last day: no finding. */
        ON_TIME,
        /** Filed after the last day: FILING_LATE. */
        LATE,
        /** No record and the last day has passed: FILING_MISSING. */
        MISSING,
        /** No record and the last day has not passed: FILING_DUE. */
        DUE,
        /** A text requires the filing, the local deadline is PENDING, no record: FILING_NOT_RECORDED. */
        NOT_RECORDED,
        /** Required with a PENDING deadline and filed: nothing to judge. */
        FILED_NO_DEADLINE,
        /** The answer depends on a day the holiday table does not know, or the table entry is unusable. */
        UNDETERMINED
    }

    public boolean isLate() {
        return outcome == Outcome.LATE;
    }

    public boolean isMissing() {
        return outcome == Outcome.MISSING;
    }

    public boolean isDue() {
        return outcome == Outcome.DUE;
    }

    public boolean isNotRecorded() {
        return outcome == Outcome.NOT_RECORDED;
    }

    public boolean isUndetermined() {
        return outcome == Outcome.UNDETERMINED;
    }

    public String filingName() {
        return filing.chineseName();
    }

    public String eventName() {
        return eventType == null ? null : eventType.chineseName();
    }

    /** The rule of the deadline in words, e.g. "物业服务合同签订之日起15日内". */
    public String period() {
        return deadline == null ? null : deadline.describe();
    }

    public String filer() {
        return deadline == null ? null : deadline.filer();
    }

    public String authority() {
        return deadline == null ? null : deadline.authority();
    }

    @Override
    public String subject() {
        return "filing:" + filing.name();
    }

    /** What every filing finding shows: the filing, its event, the deadline rule and the days, as far as known. */
    @Override
    public void report(Report finding) {
        finding.source(deadlineValue)
                .detail("filingName", filingName()).detail("event", eventType).detail("eventName", eventName())
                .detail("eventDate", eventDate).detail("period", period()).detail("dueBy", dueBy)
                .detail("dueByMayMove", dueByMayMove ? Boolean.TRUE : null).detail("deadlineNote", deadlineNote)
                .detail("filedOn", filedOn).detail("asOf", asOf).detail("daysLate", daysLate).detail("daysLeft", daysLeft)
                .detail("filer", filer()).detail("authority", authority())
                .detail(outcome == Outcome.NOT_RECORDED ? "pendingParameter" : "parameter", missingParameter)
                .detail("reason", reason);
    }
}
