package cn.propertycompliance.evaluation;

import cn.propertycompliance.facts.Filings.EventType;
import cn.propertycompliance.facts.Filings.FilingType;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Rejects filings facts in an order that cannot happen: a record filed before the first event that brought into being
 * what it files (a service contract filed before any contract was signed, a committee filed before it was elected).
 * Such a request is a 400, not a finding: no rule can say something true about a filing of nothing, and the
 * platform's data is wrong, not the community. Orders the law forbids but that can happen (the property delivered to
 * buyers before the 承接查验, a filing after its deadline) are findings, not errors. Works on the raw JSON because it
 * runs beside the schema validation, before binding; malformed values are left to the schema's messages.
 */
final class FilingOrderCheck {

    private FilingOrderCheck() {
    }

    static void check(JsonNode root, Set<FieldError> errors) {
        JsonNode filings = root.path("filings");
        if (!filings.isObject()) {
            return;
        }
        Map<EventType, LocalDate> first = new EnumMap<>(EventType.class);
        JsonNode events = filings.path("events");
        if (events.isArray()) {
            for (JsonNode e : events) {
                EventType type = enumValue(EventType.class, e.path("type"));
                LocalDate date = date(e.path("date"));
                if (type != null && date != null) {
                    first.merge(type, date, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
        }
        JsonNode records = filings.path("records");
        if (!records.isArray()) {
            return;
        }
        for (int i = 0; i < records.size(); i++) {
            FilingType filing = enumValue(FilingType.class, records.get(i).path("filing"));
            LocalDate filedOn = date(records.get(i).path("filedOn"));
            if (filing == null || filedOn == null || !filing.cannotPrecedeDocumentEvent()) {
                continue;
            }
            LocalDate document = first.get(filing.documentEvent());
            if (document != null && filedOn.isBefore(document)) {
                errors.add(new FieldError("filings.records[" + i + "].filedOn", "a " + filing + " filing on " + filedOn
                        + " is before the first " + filing.documentEvent() + " event (" + document
                        + "): nothing existed yet to file"));
            }
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, JsonNode node) {
        if (!node.isString()) {
            return null;
        }
        try {
            return Enum.valueOf(type, node.asString());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static LocalDate date(JsonNode node) {
        if (!node.isString()) {
            return null;
        }
        try {
            return LocalDate.parse(node.asString());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
