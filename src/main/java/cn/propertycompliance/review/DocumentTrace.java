package cn.propertycompliance.review;

import cn.propertycompliance.policy.PolicyDocument;
import java.util.List;

/** A legal source document with the trace of each of its clauses, in the document's order. */
public record DocumentTrace(PolicyDocument document, List<ClauseTrace> clauses) {

    /** Cited by at least one rule or parameter value. */
    public boolean cited() {
        return clauses.stream().anyMatch(ClauseTrace::encoded);
    }
}
