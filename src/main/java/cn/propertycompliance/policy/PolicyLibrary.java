package cn.propertycompliance.policy;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** All documents of a release, by id; resolves citations to clause texts. */
public final class PolicyLibrary {

    private final Map<String, PolicyDocument> documents;

    public PolicyLibrary(Map<String, PolicyDocument> documents) {
        this.documents = Map.copyOf(documents);
    }

    public Collection<PolicyDocument> documents() {
        return documents.values();
    }

    public Optional<PolicyDocument> document(String id) {
        return Optional.ofNullable(documents.get(id));
    }

    /** The citation for a reference, or empty when the document or clause does not exist. */
    public Optional<Citation> resolve(CitationRef ref) {
        return document(ref.documentId())
                .flatMap(doc -> doc.clause(ref.clauseId()).map(doc::cite));
    }
}
