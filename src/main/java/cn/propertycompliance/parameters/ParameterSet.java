package cn.propertycompliance.parameters;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every parameter table of a release. Lookup: the most specific layer with an entry in force wins. */
public final class ParameterSet {

    private final Map<String, ParameterTable> tables;
    /** Per table, entries by jurisdiction, most specific key first: the lookup walks a short list. */
    private final Map<String, Map<String, List<ParameterEntry>>> index = new HashMap<>();

    /** Each entry's value bound to its table's value type at load (by identity: entries are values). */
    private final Map<ParameterEntry, Object> typed;

    public ParameterSet(Map<String, ParameterTable> tables) {
        this(tables, Map.of());
    }

    /** @param typed each entry's bound value ({@link #withTypedValues}) */
    private ParameterSet(Map<String, ParameterTable> tables, Map<ParameterEntry, Object> typed) {
        this.typed = typed;
        this.tables = Map.copyOf(tables);
        tables.forEach((name, table) -> {
            Map<String, List<ParameterEntry>> byLayer = new HashMap<>();
            for (ParameterEntry e : table.entries()) {
                byLayer.computeIfAbsent(e.jurisdiction(), j -> new ArrayList<>()).add(e);
            }
            byLayer.values().forEach(l -> l.sort(Comparator.comparingInt(ParameterEntry::specificity).reversed()));
            index.put(name, byLayer);
        });
    }

    /** The same tables with each entry's value bound to its table's value type (the loader's {@code TableTypes}). */
    public ParameterSet withTypedValues(Map<ParameterEntry, Object> values) {
        java.util.IdentityHashMap<ParameterEntry, Object> copy = new java.util.IdentityHashMap<>(values);
        return new ParameterSet(tables, java.util.Collections.unmodifiableMap(copy));
    }

    public Collection<ParameterTable> tables() {
        return tables.values();
    }

    public Optional<ParameterTable> table(String name) {
        return Optional.ofNullable(tables.get(name));
    }

    /**
     * @param layers jurisdiction chain, broadest first (000000, province, city, district)
     * @param keyValues values for the table's key fields, in order; enums and numbers compare by their text
     * @return the value in force, or an unavailable value — also when the release ships no such table at all (a
     *     release with only some areas' files): no layer sets it, so the rules that need it answer INDETERMINATE.
     *     Rule files naming a table that does not exist are rejected at load by the RuleLoader instead.
     */
    public ParameterValue lookup(String name, List<String> layers, LocalDate asOf, Object... keyValues) {
        ParameterTable table = tables.get(name);
        if (table == null) {
            return new ParameterValue(name, null);
        }
        if (keyValues.length != table.keys().size()) {
            throw new IllegalArgumentException("parameter table " + name + " takes keys " + table.keys()
                    + " but got " + keyValues.length + " values");
        }
        String[] keys = new String[keyValues.length];
        for (int i = 0; i < keyValues.length; i++) {
            keys[i] = keyValues[i] == null ? null : keyValues[i] instanceof Enum<?> e ? e.name() : keyValues[i].toString();
        }
        Map<String, List<ParameterEntry>> byLayer = index.get(name);
        for (int i = layers.size() - 1; i >= 0; i--) {
            List<ParameterEntry> entries = byLayer.get(layers.get(i));
            if (entries == null) {
                continue;
            }
            for (ParameterEntry e : entries) {
                if (e.inForceOn(asOf) && e.matches(table.keys(), keys)) {
                    return new ParameterValue(name, e, typed.get(e));
                }
            }
        }
        return new ParameterValue(name, null);
    }
}
