package cn.propertycompliance.filing;

import cn.propertycompliance.calendar.LegalCalendar;
import cn.propertycompliance.facts.Filings.Event;
import cn.propertycompliance.facts.Filings.EventType;
import cn.propertycompliance.facts.Filings;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.vocabulary.Report;
import cn.propertycompliance.vocabulary.Reportable;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Whether 承接查验 was completed the required number of days before the property was delivered to buyers (parameter
 * {@code filing.inspectionLead}: {days, by}). The first delivery and the first completed inspection are compared;
 * the lead is the value in force on the delivery date. The last day is delivery − N (the delivery day is not
 * counted, 民法典 第二百零一条) and is not moved for holidays ({@link LegalCalendar#calendarDaysBefore}).
 *
 * @param latestCompletion the last day the inspection may be completed
 * @param completedOn      the first HANDOVER_INSPECTION_COMPLETED, or null when not sent
 * @param daysLate         TOO_LATE: completedOn − latestCompletion
 * @param by               who must complete it (the value's {@code by}: 建设单位 with the provider it chose)
 */
public record HandoverInspectionCheck(Outcome outcome, ParameterValue lead, int leadDays, LocalDate deliveredOn,
                                      LocalDate latestCompletion, LocalDate completedOn, Long daysLate, String by)
        implements Reportable {

    public enum Outcome {
        IN_TIME,
        TOO_LATE,
        /** The last day has passed (asOf) and no completion date was sent: whether it was in time is unknown. */
        COMPLETION_NOT_REPORTED,
        /** The last day has not passed and the inspection is not reported complete: nothing to say yet. */
        NOT_YET_DUE
    }

    public static List<HandoverInspectionCheck> of(LegalCalendar calendar, ParameterView params, Filings filings,
                                                   ParameterValue leadAtAsOf) {
        if (filings == null || leadAtAsOf == null || !leadAtAsOf.isFound()) {
            return List.of();
        }
        List<Event> deliveries = filings.eventsOf(EventType.DELIVERED_TO_BUYERS);
        if (deliveries.isEmpty()) {
            return List.of();
        }
        LocalDate delivered = deliveries.get(0).date();
        ParameterValue lead = params.valueOn(delivered, leadAtAsOf.getTable());
        if (!lead.isAvailable()) {
            return List.of();
        }
        InspectionLead l = lead.as(InspectionLead.class);
        int days = l.days();
        if (days < 1) {
            return List.of();
        }
        LocalDate latest = calendar.calendarDaysBefore(delivered, days).dueBy();
        String by = l.by();
        List<Event> completions = filings.eventsOf(EventType.HANDOVER_INSPECTION_COMPLETED);
        if (completions.isEmpty()) {
            Outcome outcome = params.asOf().isAfter(latest) ? Outcome.COMPLETION_NOT_REPORTED : Outcome.NOT_YET_DUE;
            return List.of(new HandoverInspectionCheck(outcome, lead, days, delivered, latest, null, null, by));
        }
        LocalDate completed = completions.get(0).date();
        if (completed.isAfter(latest)) {
            return List.of(new HandoverInspectionCheck(Outcome.TOO_LATE, lead, days, delivered, latest, completed,
                    ChronoUnit.DAYS.between(latest, completed), by));
        }
        return List.of(new HandoverInspectionCheck(Outcome.IN_TIME, lead, days, delivered, latest, completed, null, by));
    }

    public boolean isTooLate() {
        return outcome == Outcome.TOO_LATE;
    }

    public boolean isCompletionNotReported() {
        return outcome == Outcome.COMPLETION_NOT_REPORTED;
    }

    @Override
    public String subject() {
        return "filing:" + Filings.FilingType.HANDOVER_INSPECTION.name();
    }

    @Override
    public void report(Report finding) {
        finding.source(lead).detail("completedOn", completedOn).detail("deliveredOn", deliveredOn)
                .detail("leadDays", leadDays).detail("latestCompletion", latestCompletion).detail("daysLate", daysLate)
                .detail("by", by)
                .detail("missing", outcome == Outcome.COMPLETION_NOT_REPORTED ? "filings.events[HANDOVER_INSPECTION_COMPLETED]" : null);
    }
}
