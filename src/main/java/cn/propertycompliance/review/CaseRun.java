package cn.propertycompliance.review;

import cn.propertycompliance.ruleset.RuleMeta;
import cn.propertycompliance.ruleset.ScenarioCase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What happened when one scenario case was run: whether it passed, which rules could fire for it (in its jurisdiction
 * chain, in force on its date, of an evaluated area, not overridden) and which did, with the clauses their findings
 * cited ({@code docId#clauseId}, including the clauses of the parameter values they used).
 */
public record CaseRun(
        ScenarioCase scenario,
        List<String> failures,
        Set<String> eligible,
        Map<String, Set<String>> citationsByRule,
        List<String> layers,
        LocalDate asOf) {

    public boolean passed() {
        return failures.isEmpty();
    }

    public Set<String> fired() {
        return citationsByRule.keySet();
    }

    /** A passing case in which the rule produced its finding. */
    public boolean positiveFor(RuleMeta rule) {
        return passed() && fired().contains(rule.id());
    }

    /**
     * A passing case in which the rule could have fired, did not, and the case would have failed had it fired: its
     * expected findings are the complete list (the default), or it names the rule's code under {@code absent}.
     */
    public boolean negativeFor(RuleMeta rule) {
        return passed() && eligible.contains(rule.id()) && !fired().contains(rule.id())
                && (scenario.exhaustive() || scenario.absent().contains(rule.code().name()));
    }

    /** True when some finding of this case cited the clause. */
    public boolean cites(String clauseRef) {
        return passed() && citationsByRule.values().stream().anyMatch(s -> s.contains(clauseRef));
    }

    /** Stable anchor and sort key: file and line of the case. */
    public String key() {
        return scenario.file() + ":" + scenario.line();
    }
}
