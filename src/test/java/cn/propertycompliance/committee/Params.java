package cn.propertycompliance.committee;

import cn.propertycompliance.parameters.ParameterEntry;
import cn.propertycompliance.parameters.ParameterSet;
import cn.propertycompliance.parameters.ParameterStatus;
import cn.propertycompliance.parameters.ParameterTable;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.parameters.ParameterView;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-built parameter tables for helper tests (no files, no citations). */
final class Params {

    static final LocalDate FROM = LocalDate.of(2020, 5, 1);
    static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

    private final Map<String, List<String>> keys = new LinkedHashMap<>();
    private final Map<String, List<ParameterEntry>> entries = new LinkedHashMap<>();

    Params table(String name, String... keyNames) {
        keys.put(name, List.of(keyNames));
        entries.put(name, new ArrayList<>());
        return this;
    }

    Params entry(String table, String layer, Map<String, String> key, Map<String, Object> value, ParameterStatus status) {
        return entry(table, layer, key, value, status, FROM);
    }

    Params entry(String table, String layer, Map<String, String> key, Map<String, Object> value, ParameterStatus status,
                 LocalDate from) {
        entries.get(table).add(new ParameterEntry(table, layer, key, value, from, null, status, List.of(), List.of(),
                "note of " + layer, false, "test.yaml", entries.get(table).size() + 1));
        return this;
    }

    ParameterView view(List<String> layers, LocalDate asOf) {
        Map<String, ParameterTable> tables = new LinkedHashMap<>();
        keys.forEach((name, k) -> tables.put(name, new ParameterTable(name, name, null, k, List.copyOf(entries.get(name)))));
        return new ParameterView(new ParameterSet(tables), layers, asOf);
    }

    /** A single keyless value, as a rule would get it from params.value(table). */
    static ParameterValue single(String table, Map<String, Object> value) {
        return new Params().table(table).entry(table, "000000", Map.of(), value, ParameterStatus.OFFICIAL)
                .view(List.of("000000"), AS_OF).value(table);
    }
}
