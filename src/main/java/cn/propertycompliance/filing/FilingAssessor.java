package cn.propertycompliance.filing;

import cn.propertycompliance.calendar.Deadline;
import cn.propertycompliance.calendar.LegalCalendar;
import cn.propertycompliance.facts.Filings;
import cn.propertycompliance.facts.Filings.Event;
import cn.propertycompliance.facts.Filings.EventType;
import cn.propertycompliance.facts.Filings.FilingType;
import cn.propertycompliance.facts.Filings.Record;
import cn.propertycompliance.filing.FilingAssessment.Outcome;
import cn.propertycompliance.parameters.ParameterStatus;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.parameters.ParameterView;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Judges one filing type of a request against its {@code filing.deadline} entry. Called from the FILING rules
 * ({@code rules/national/filing.drl}); pure: the answer depends only on the arguments.
 *
 * <p>Which event, which record, which law:
 * <ul>
 *   <li>The deadline counts from (AFTER) the most recent triggering event on or before asOf — the current contract,
 *       the current committee — or, when all are later (planned), the next one; a deadline before an event (BEFORE,
 *       BEFORE_EVENT) is owed before the first one (the first presale application, the first delivery).</li>
 *   <li>The deadline is the entry in force on the triggering event's date (the duty arises then, so a later rule does
 *       not reach back); an event before any entry was in force gives no deadline and no finding.</li>
 *   <li>The record is the first one filed on or after the document it files came into being (a record from before
 *       the latest contract answered the previous contract), and on or before asOf (a later record was not yet made
 *       at asOf).</li>
 *   <li>No triggering event: no deadline, no finding — nothing is owed yet, and a record without its event is not
 *       wrong (the platform may simply not have sent the event).</li>
 * </ul>
 */
public final class FilingAssessor {

    private static final List<FilingType> FILINGS = List.of(FilingType.values());
    private static final LocalDate CIVIL_CODE_IN_FORCE = LocalDate.of(2021, 1, 1);
    /**
     * The periods are counted by 民法典 第二百零一条、第二百零三条 (the texts held). For an earlier event the rules then in
     * force — 民法通则 第一百五十四条, from 2017-10-01 民法总则 第二百零一条 to 第二百零四条 — are not held: the finding says
     * that the counting applied is the Code's, as a reading, rather than cite a text that was not yet in force.
     */
    static final String BEFORE_CIVIL_CODE = "事件早于民法典施行（2021-01-01）：当时的期间计算规则（民法通则第一百五十四条；2017-10-01起"
            + "民法总则第二百零一条至第二百零四条）未收录，此处按民法典第二百零一条、第二百零三条计算，属解释性适用";

    private FilingAssessor() {
    }

    /** Every filing type, for {@code from} in the rules. */
    public static List<FilingType> filings() {
        return FILINGS;
    }

    /**
     * The filing area's derived facts, computed once per evaluation: an assessment of every filing whose deadline
     * table has an entry here, and the 承接查验 timing check. Rules match these facts instead of each rule
     * recomputing them.
     */
    public static List<Object> derive(LegalCalendar calendar, ParameterView params, Filings filings) {
        List<Object> out = new java.util.ArrayList<>();
        ParameterValue rest = params.value("calendar.restDays");
        for (FilingType type : FILINGS) {
            out.addAll(assess(calendar, params, filings, type, params.value("filing.deadline", type), rest));
        }
        out.addAll(HandoverInspectionCheck.of(calendar, params, filings, params.value("filing.inspectionLead")));
        return out;
    }

    /**
     * @param deadlineAtAsOf {@code filing.deadline} looked up for {@code type} at asOf (it names the triggering event)
     * @param restDays       {@code calendar.restDays}: the reading of 法定休假日 (unavailable: weekend last days unknown)
     * @return one assessment, or none when there is nothing to judge
     */
    public static List<FilingAssessment> assess(LegalCalendar calendar, ParameterView params, Filings filings, FilingType type,
                                                ParameterValue deadlineAtAsOf, ParameterValue restDays) {
        if (filings == null) {
            return List.of();
        }
        LocalDate asOf = params.asOf();
        if (deadlineAtAsOf == null || !deadlineAtAsOf.isFound()) {
            // No entry at asOf, but a duty may have arisen under an entry in force on the document's day (a time-boxed
            // plan that has since expired): a filing owed then is still owed.
            deadlineAtAsOf = filings.eventsOf(type.documentEvent()).stream().filter(e -> !e.date().isAfter(asOf))
                    .map(e -> params.valueOn(e.date(), "filing.deadline", type)).filter(ParameterValue::isFound)
                    .reduce((earlier, later) -> later).orElse(null);
            if (deadlineAtAsOf == null) {
                return List.of();
            }
        }
        Optional<Event> trigger = trigger(filings, triggerType(type, deadlineAtAsOf), kindOf(deadlineAtAsOf), asOf);
        if (trigger.isEmpty()) {
            return List.of();
        }
        ParameterValue value = params.valueOn(trigger.get().date(), deadlineAtAsOf.getTable(), type);
        if (value.isFound() && triggerType(type, value) != trigger.get().type()) {
            // The entry in force on the event's date counts from another event: judge by that one.
            trigger = trigger(filings, triggerType(type, value), kindOf(value), asOf);
            if (trigger.isEmpty()) {
                return List.of();
            }
            value = params.valueOn(trigger.get().date(), deadlineAtAsOf.getTable(), type);
        }
        Event event = trigger.get();
        if (!value.isFound()) {
            // An entry is in force at asOf but none on the event's date: the deadline of that day is not encoded. Not
            // "nothing owed" — that needs an entry (or a coverage declaration) that says so.
            return List.of(undetermined(type, deadlineAtAsOf, null, event, record(filings, type, event.date(), asOf),
                    "参数" + deadlineAtAsOf.getTable() + "在" + event.type().chineseName() + "之日（" + event.date()
                            + "）没有生效条目：当日适用的备案期限未编码", deadlineAtAsOf.getTable(), asOf));
        }
        Optional<Record> record = record(filings, type, event.date(), asOf);
        if (value.getStatus() == ParameterStatus.PENDING) {
            if (event.date().isAfter(asOf)) {
                return List.of();
            }
            Outcome outcome = record.isPresent() ? Outcome.FILED_NO_DEADLINE : Outcome.NOT_RECORDED;
            return List.of(new FilingAssessment(type, outcome, value, null, event.type(), event.date(), null, false,
                    record.map(Record::filedOn).orElse(null), null, null, null, value.getReason(), value.getTable(), asOf));
        }
        FilingDeadline deadline;
        try {
            deadline = FilingDeadline.of(value);
        } catch (IllegalArgumentException e) {
            return List.of(undetermined(type, value, null, event, record, "参数" + value.getTable() + "取值不完整（"
                    + value.getEntry().where() + "）：" + e.getMessage(), value.getTable(), asOf));
        }
        Deadline due = deadline(calendar, deadline, event.date(), LegalCalendar.weekendsAreRestDays(restDays));
        return List.of(judge(type, value, deadline, event, due, record, asOf));
    }

    private static FilingAssessment judge(FilingType type, ParameterValue value, FilingDeadline deadline, Event event, Deadline due,
                                          Optional<Record> record, LocalDate asOf) {
        if (record.isPresent()) {
            LocalDate filedOn = record.get().filedOn();
            // Filed by the last day — or, when the table cannot fix the last day, by a day it cannot be earlier than.
            LocalDate surelyInTime = due.isKnown() ? due.dueBy() : due.notBefore();
            if (surelyInTime != null && !filedOn.isAfter(surelyInTime)) {
                return assessment(type, Outcome.ON_TIME, value, deadline, event, surelyInTime, !due.isKnown(), filedOn, null,
                        null, due.explanation(), asOf);
            }
            if (!due.isKnown()) {
                return undetermined(type, value, deadline, event, record, due.unknownReason(), due.missing(), asOf);
            }
            return assessment(type, Outcome.LATE, value, deadline, event, due.dueBy(), false, filedOn,
                    ChronoUnit.DAYS.between(due.dueBy(), filedOn), null, due.explanation(), asOf);
        }
        if (due.isKnown()) {
            return asOf.isAfter(due.dueBy())
                    ? assessment(type, Outcome.MISSING, value, deadline, event, due.dueBy(), false, null,
                            ChronoUnit.DAYS.between(due.dueBy(), asOf), null, due.explanation(), asOf)
                    : assessment(type, Outcome.DUE, value, deadline, event, due.dueBy(), false, null, null,
                            ChronoUnit.DAYS.between(asOf, due.dueBy()), due.explanation(), asOf);
        }
        if (due.notBefore() != null && !asOf.isAfter(due.notBefore())) {
            // The last day may still move later, but not earlier: filing by the unmoved end is safe advice.
            return assessment(type, Outcome.DUE, value, deadline, event, due.notBefore(), true, null, null,
                    ChronoUnit.DAYS.between(asOf, due.notBefore()), "期限不早于" + due.notBefore() + "，届时如遇法定休假日可能顺延："
                            + due.unknownReason(), asOf);
        }
        return undetermined(type, value, deadline, event, record, due.unknownReason(), due.missing(), asOf);
    }

    private static Deadline deadline(LegalCalendar calendar, FilingDeadline d, LocalDate eventDate, Boolean weekendsAreRestDays) {
        boolean working = d.dayKind() == FilingDeadline.DayKind.WORKING;
        return switch (d.kind()) {
            case AFTER -> working ? calendar.workingDaysAfter(eventDate, d.days())
                    : calendar.calendarDaysAfter(eventDate, d.days(), weekendsAreRestDays);
            case BEFORE -> working ? calendar.workingDaysBefore(eventDate, d.days()) : calendar.calendarDaysBefore(eventDate, d.days());
            // "在…前": a filing on the event's own day is accepted — dates cannot tell which came first that day.
            case BEFORE_EVENT -> Deadline.known(eventDate, eventDate, null);
        };
    }

    /** AFTER counts from the current (latest on or before asOf, else the next) event; BEFORE kinds precede the first. */
    private static Optional<Event> trigger(Filings filings, EventType type, FilingDeadline.Kind kind, LocalDate asOf) {
        List<Event> events = filings.eventsOf(type);
        if (events.isEmpty()) {
            return Optional.empty();
        }
        if (kind == FilingDeadline.Kind.BEFORE || kind == FilingDeadline.Kind.BEFORE_EVENT) {
            return Optional.of(events.get(0));
        }
        return events.stream().filter(e -> !e.date().isAfter(asOf)).max(Comparator.comparing(Event::date))
                .or(() -> Optional.of(events.get(0)));
    }

    /**
     * The first record filed on or after the latest coming-into-being of the filed document up to the trigger (so a
     * record for an earlier contract does not answer a later one) and not after asOf.
     */
    private static Optional<Record> record(Filings filings, FilingType type, LocalDate triggerDate, LocalDate asOf) {
        LocalDate from = type.cannotPrecedeDocumentEvent()
                ? filings.eventsOf(type.documentEvent()).stream().map(Event::date).filter(d -> !d.isAfter(triggerDate))
                        .max(Comparator.naturalOrder()).orElse(LocalDate.MIN)
                : LocalDate.MIN;
        return filings.recordsOf(type).stream().filter(r -> !r.filedOn().isBefore(from) && !r.filedOn().isAfter(asOf)).findFirst();
    }

    /** The entry's event; a PENDING entry has no value, so its filing is owed once the filed document exists. */
    private static EventType triggerType(FilingType type, ParameterValue value) {
        if (value.isAvailable() && value.has("event")) {
            try {
                return EventType.valueOf(value.text("event"));
            } catch (IllegalArgumentException e) {
                return type.documentEvent();
            }
        }
        return type.documentEvent();
    }

    private static FilingDeadline.Kind kindOf(ParameterValue value) {
        if (value.isAvailable() && value.has("kind")) {
            try {
                return FilingDeadline.Kind.valueOf(value.text("kind"));
            } catch (IllegalArgumentException e) {
                return FilingDeadline.Kind.AFTER;
            }
        }
        return FilingDeadline.Kind.AFTER;
    }

    private static FilingAssessment undetermined(FilingType type, ParameterValue value, FilingDeadline deadline, Event event,
                                                 Optional<Record> record, String reason, String missing, LocalDate asOf) {
        return new FilingAssessment(type, Outcome.UNDETERMINED, value, deadline, event.type(), event.date(), null, false,
                record.map(Record::filedOn).orElse(null), null, null, null, reason, missing, asOf);
    }

    private static FilingAssessment assessment(FilingType type, Outcome outcome, ParameterValue value, FilingDeadline deadline,
                                               Event event, LocalDate dueBy, boolean mayMove, LocalDate filedOn, Long daysLate,
                                               Long daysLeft, String note, LocalDate asOf) {
        if (event.date().isBefore(CIVIL_CODE_IN_FORCE)) {
            note = note == null ? BEFORE_CIVIL_CODE : note + "；" + BEFORE_CIVIL_CODE;
        }
        return new FilingAssessment(type, outcome, value, deadline, event.type(), event.date(), dueBy, mayMove, filedOn,
                daysLate, daysLeft, note, null, null, asOf);
    }
}
