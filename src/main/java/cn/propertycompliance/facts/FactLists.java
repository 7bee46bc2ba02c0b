package cn.propertycompliance.facts;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Read-only copies of the lists in the facts. Unlike {@code List.copyOf} they keep a null element: an element that did
 * not bind is null until validation reports it, and must not turn a 400 into a failed construction.
 */
final class FactLists {

    private FactLists() {
    }

    static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
