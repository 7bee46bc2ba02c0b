package cn.propertycompliance.parameters;

import cn.propertycompliance.policy.Citation;
import cn.propertycompliance.policy.CitationRef;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One dated value of a parameter table for one jurisdiction layer. {@code key} fields left out match any value;
 * {@code effectiveTo} is the last day in force (inclusive), null when open-ended.
 */
public record ParameterEntry(
        String table,
        String jurisdiction,
        Map<String, String> key,
        Map<String, Object> value,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        ParameterStatus status,
        List<CitationRef> cite,
        List<Citation> citations,
        String note,
        boolean overrides,
        String file,
        int line) {

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    public boolean overlaps(ParameterEntry other) {
        LocalDate thisEnd = effectiveTo == null ? LocalDate.MAX : effectiveTo;
        LocalDate otherEnd = other.effectiveTo == null ? LocalDate.MAX : other.effectiveTo;
        return !effectiveFrom.isAfter(otherEnd) && !other.effectiveFrom.isAfter(thisEnd);
    }

    /** True when this entry applies to the given key values (positional, in the table's key order). */
    public boolean matches(List<String> keyNames, String[] keyValues) {
        for (int i = 0; i < keyNames.size(); i++) {
            String wanted = key.get(keyNames.get(i));
            if (wanted != null && !wanted.equals(keyValues[i])) {
                return false;
            }
        }
        return true;
    }

    /** Entries naming more key fields are more specific than wildcards within the same layer. */
    public int specificity() {
        return key.size();
    }

    public String where() {
        return file + ":" + line;
    }
}
