package cn.propertycompliance.committee;

import cn.propertycompliance.parameters.OptionalField;

/**
 * The value type of {@code committee.negativeList} and {@code committee.qualification}: the clause item a code falls
 * under, its wording cut from that clause, and the consequence it names; or {@code listed: false} (a layer's list does
 * not hold the codes it does not map).
 */
public record ListEntry(@OptionalField Boolean listed, @OptionalField String item, @OptionalField String wording,
                        @OptionalField String consequence) {

    public ListEntry {
        if (!Boolean.FALSE.equals(listed) && (item == null || wording == null)) {
            throw new IllegalArgumentException("a listed entry needs 'item' and 'wording'" + (item == null ? " (item is missing)" : " (wording is missing)"));
        }
    }
}
