package cn.propertycompliance.parameters;

import cn.propertycompliance.policy.Citation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The answer of a parameter lookup for one request: the entry that won (most specific layer in force), or none.
 * Rules test {@link #isAvailable()} before reading a value and answer INDETERMINATE otherwise.
 */
public final class ParameterValue {

    private final String table;
    private final ParameterEntry entry;
    /** The entry's value bound to the table's value type when the release loaded; null where none was bound. */
    private final Object typed;

    ParameterValue(String table, ParameterEntry entry) {
        this(table, entry, null);
    }

    ParameterValue(String table, ParameterEntry entry, Object typed) {
        this.table = table;
        this.entry = entry;
        this.typed = typed;
    }

    /**
     * The value as the table's value type (bound and checked when the release loaded). Only for an available value.
     * A set of tables built without the loader (tests) binds here, with the same checks.
     */
    public <T> T as(Class<T> type) {
        if (!isAvailable()) {
            throw new IllegalStateException("parameter " + table + " has no value here: " + getReason());
        }
        return type.isInstance(typed) ? type.cast(typed) : ValueBinder.bind(entry.value(), type);
    }

    public String getTable() {
        return table;
    }

    public boolean isFound() {
        return entry != null;
    }

    /** A value the rules may rely on: found, not PENDING, and carrying a value. */
    public boolean isAvailable() {
        return entry != null && entry.status() != ParameterStatus.PENDING && !entry.value().isEmpty();
    }

    /** Not available: PENDING, or nothing in force for this region, date and key. */
    public boolean isUnavailable() {
        return !isAvailable();
    }

    /** Why the value cannot be relied on, in Chinese, for a finding's details. */
    public String getReason() {
        if (entry == null) {
            return "参数" + table + "在本地区及上级在该日期均无有效取值";
        }
        if (entry.status() == ParameterStatus.PENDING) {
            return "待公布（PENDING）" + (entry.note() == null ? "" : "：" + entry.note());
        }
        return "参数" + table + "已取值（" + entry.status() + "）";
    }

    public ParameterStatus getStatus() {
        return entry == null ? null : entry.status();
    }

    public String getJurisdiction() {
        return entry == null ? null : entry.jurisdiction();
    }

    public String getNote() {
        return entry == null ? null : entry.note();
    }

    public List<Citation> getCitations() {
        return entry == null ? List.of() : entry.citations();
    }

    public ParameterEntry getEntry() {
        return entry;
    }

    public Object get(String field) {
        Object v = entry == null ? null : entry.value().get(field);
        if (v == null) {
            throw new IllegalStateException("parameter " + table + " has no value for '" + field + "'"
                    + (entry == null ? " (nothing in force)" : " at " + entry.where()));
        }
        return v;
    }

    public boolean has(String field) {
        return entry != null && entry.value().get(field) != null;
    }

    public BigDecimal decimal(String field) {
        Object v = get(field);
        return v instanceof BigDecimal d ? d : new BigDecimal(v.toString());
    }

    public int integer(String field) {
        return decimal(field).intValueExact();
    }

    public String text(String field) {
        return get(field).toString();
    }

    public boolean flag(String field) {
        Object v = get(field);
        return v instanceof Boolean b ? b : Boolean.parseBoolean(v.toString());
    }

    public Map<String, Object> values() {
        return entry == null ? Map.of() : entry.value();
    }

    @Override
    public String toString() {
        return table + (entry == null ? "=<none>" : "@" + entry.jurisdiction() + "=" + entry.value() + " (" + entry.status() + ")");
    }
}
