package cn.propertycompliance.policy;

import java.util.Optional;

/** A {@code "<document id>#<clause id>"} reference as written in {@code @cite} and parameter tables. */
public record CitationRef(String documentId, String clauseId) {

    public static Optional<CitationRef> parse(String ref) {
        int hash = ref == null ? -1 : ref.indexOf('#');
        if (hash <= 0 || hash == ref.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(new CitationRef(ref.substring(0, hash).trim(), ref.substring(hash + 1).trim()));
    }

    @Override
    public String toString() {
        return documentId + "#" + clauseId;
    }
}
