package cn.propertycompliance.review;

import cn.propertycompliance.parameters.ParameterEntry;
import cn.propertycompliance.policy.Clause;
import java.util.List;

/**
 * One clause of a document and everything that encodes or tests it: the rules citing it, the rules that cited it
 * through a parameter value when a case ran ({@code viaParameter}), the parameter values citing it, and the cases
 * whose findings cite it (positive) or in which one of those rules could fire and did not (negative).
 */
public record ClauseTrace(
        String documentId,
        Clause clause,
        List<RuleTrace> rules,
        List<RuleTrace> viaParameter,
        List<ParameterEntry> parameters,
        List<CaseRun> positive,
        List<CaseRun> negative) {

    public String ref() {
        return documentId + "#" + clause.id();
    }

    /** Some rule or parameter value cites it. */
    public boolean encoded() {
        return !rules.isEmpty() || !parameters.isEmpty();
    }

    public boolean covered() {
        return !positive.isEmpty() && !negative.isEmpty();
    }
}
