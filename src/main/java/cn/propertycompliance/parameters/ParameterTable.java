package cn.propertycompliance.parameters;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A named parameter (e.g. {@code fee.guidancePrice}) with its key fields and every layer's dated entries.
 * {@code stricter} says, per numeric value field, which direction is the stricter requirement (may be empty).
 * {@code addingLayers} are the layers whose files declare {@code addsToBroaderLayers: true}: their entries apply next to
 * the broader layers' entries (each read by its own layer's rules), not instead of them — so they are no cross-layer
 * conflict (e.g. 淄博's committee negative list beside 山东's).
 */
public record ParameterTable(String name, String title, String unit, List<String> keys, List<ParameterEntry> entries,
                             Map<String, Stricter> stricter, Set<String> addingLayers) {

    public ParameterTable(String name, String title, String unit, List<String> keys, List<ParameterEntry> entries) {
        this(name, title, unit, keys, entries, Map.of(), Set.of());
    }

    public ParameterTable(String name, String title, String unit, List<String> keys, List<ParameterEntry> entries,
                          Map<String, Stricter> stricter) {
        this(name, title, unit, keys, entries, stricter, Set.of());
    }
}
