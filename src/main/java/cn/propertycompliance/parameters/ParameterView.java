package cn.propertycompliance.parameters;

import java.time.LocalDate;
import java.util.List;

/**
 * The {@code params} global of one evaluation: parameter lookups already bound to the request's jurisdiction
 * chain and asOf date, so rules only name the table and the key.
 */
public final class ParameterView {

    private final ParameterSet parameters;
    private final List<String> layers;
    private final LocalDate asOf;

    public ParameterView(ParameterSet parameters, List<String> layers, LocalDate asOf) {
        this.parameters = parameters;
        this.layers = layers;
        this.asOf = asOf;
    }

    // Fixed arities rather than varargs: DRL constraints are evaluated by MVEL, which resolves these reliably.
    public ParameterValue value(String table) {
        return parameters.lookup(table, layers, asOf);
    }

    public ParameterValue value(String table, Object key1) {
        return parameters.lookup(table, layers, asOf, key1);
    }

    public ParameterValue value(String table, Object key1, Object key2) {
        return parameters.lookup(table, layers, asOf, key1, key2);
    }

    public ParameterValue value(String table, Object key1, Object key2, Object key3) {
        return parameters.lookup(table, layers, asOf, key1, key2, key3);
    }

    /** The same table looked up at another date (e.g. the rule in force on the day a vote was held). */
    public ParameterValue valueOn(LocalDate date, String table) {
        return parameters.lookup(table, layers, date);
    }

    public ParameterValue valueOn(LocalDate date, String table, Object key1) {
        return parameters.lookup(table, layers, date, key1);
    }

    public ParameterValue valueOn(LocalDate date, String table, Object key1, Object key2) {
        return parameters.lookup(table, layers, date, key1, key2);
    }

    /**
     * The same lookups, seeing only the entries of one layer of the chain (none when the layer is not in the chain):
     * for tables whose layers add up instead of replacing each other, where a rule of a layer reads that layer's own
     * entries (e.g. a province's and a city's committee negative lists, both in force in the city).
     */
    public ParameterView onlyLayer(String jurisdiction) {
        return new ParameterView(parameters, layers.contains(jurisdiction) ? List.of(jurisdiction) : List.of(), asOf);
    }

    public LocalDate asOf() {
        return asOf;
    }

    public List<String> layers() {
        return layers;
    }
}
