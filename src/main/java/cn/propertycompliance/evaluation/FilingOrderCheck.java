package cn.propertycompliance.evaluation;

import cn.propertycompliance.facts.Filings;
import cn.propertycompliance.facts.Filings.EventType;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Rejects filings facts in an order that cannot happen: a record filed before the first event that brought into being
 * what it files (a service contract filed before any contract was signed, a committee filed before it was elected).
 * Such a request is a 400, not a finding: no rule can say something true about a filing of nothing, and the
 * platform's data is wrong, not the community. Orders the law forbids but that can happen (the property delivered to
 * buyers before the 承接查验, a filing after its deadline) are findings, not errors. Runs on the bound records; fields
 * that did not bind are null here and already reported.
 */
final class FilingOrderCheck {

    private FilingOrderCheck() {
    }

    static void check(Filings filings, Set<FieldError> errors) {
        Map<EventType, LocalDate> first = new EnumMap<>(EventType.class);
        for (Filings.Event e : filings.events()) {
            if (e != null && e.type() != null && e.date() != null) {
                first.merge(e.type(), e.date(), (a, b) -> a.isBefore(b) ? a : b);
            }
        }
        for (int i = 0; i < filings.records().size(); i++) {
            Filings.Record r = filings.records().get(i);
            if (r == null || r.filing() == null || r.filedOn() == null || !r.filing().cannotPrecedeDocumentEvent()) {
                continue;
            }
            LocalDate document = first.get(r.filing().documentEvent());
            if (document != null && r.filedOn().isBefore(document)) {
                errors.add(new FieldError("filings.records[" + i + "].filedOn", "a " + r.filing() + " filing on " + r.filedOn()
                        + " is before the first " + r.filing().documentEvent() + " event (" + document
                        + "): nothing existed yet to file"));
            }
        }
    }
}
