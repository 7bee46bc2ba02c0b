package cn.propertycompliance.coverage;

import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.policy.CitationRef;
import java.time.LocalDate;
import java.util.List;

/**
 * One jurisdiction's declaration for one area: its encoding covers {@code from}..{@code to} (inclusive; no
 * {@code from}: the layer's law on the area is not encoded at any date); {@code before} and {@code after} say what
 * held outside that span. {@code status} INTERPRETATION (with its reading in {@code note}) marks a span that rests on
 * a reading, e.g. a later wording assumed unchanged since the text's own in-force date.
 */
public record AreaCoverage(String jurisdiction, String jurisdictionName, Area area, LocalDate from, LocalDate to,
                           String status, String note, List<CitationRef> cite, Outside before, Outside after,
                           String file, int line) {

    /** What held outside the span, why (note) and on what authority (cite). */
    public record Outside(Held held, List<CitationRef> cite, String note) {

        public static final Outside UNKNOWN = new Outside(Held.UNKNOWN, List.of(), null);
    }

    public boolean encoded() {
        return from != null;
    }

    public boolean covers(LocalDate date) {
        return from != null && !date.isBefore(from) && (to == null || !date.isAfter(to));
    }

    /** What held on a date outside the span. */
    public Outside outside(LocalDate date) {
        if (from == null || date.isBefore(from)) {
            return before;
        }
        return after;
    }

    /** The span as a reader sees it: "2020-05-01 起", "2021-06-29 至 2023-12-31", "未编码". */
    public String span() {
        if (from == null) {
            return "未编码";
        }
        return to == null ? from + " 起" : from + " 至 " + to;
    }
}
