package cn.propertycompliance.repair;

import cn.propertycompliance.parameters.ParameterEntry;
import cn.propertycompliance.parameters.ParameterSet;
import cn.propertycompliance.parameters.ParameterStatus;
import cn.propertycompliance.parameters.ParameterTable;
import cn.propertycompliance.parameters.ParameterValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Hand-made parameter values for helper tests, looked up through the real ParameterSet. */
final class TestParams {

    private TestParams() {
    }

    /** A value in force from 2000-01-01 with the given fields (numbers as exact decimals, as the loader stores them). */
    static ParameterValue value(Object... fieldsAndValues) {
        Map<String, Object> value = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            Object v = fieldsAndValues[i + 1];
            value.put((String) fieldsAndValues[i], v instanceof Integer n ? BigDecimal.valueOf(n) : v);
        }
        return lookup(value, ParameterStatus.OFFICIAL);
    }

    static ParameterValue pending() {
        return lookup(Map.of(), ParameterStatus.PENDING);
    }

    private static ParameterValue lookup(Map<String, Object> value, ParameterStatus status) {
        ParameterEntry entry = new ParameterEntry("t", "000000", Map.of(), value, LocalDate.of(2000, 1, 1), null, status,
                List.of(), List.of(), "test", false, "test.yaml", 1);
        ParameterSet set = new ParameterSet(Map.of("t", new ParameterTable("t", "t", null, List.of(), List.of(entry))));
        return set.lookup("t", List.of("000000"), LocalDate.of(2026, 1, 1));
    }
}
