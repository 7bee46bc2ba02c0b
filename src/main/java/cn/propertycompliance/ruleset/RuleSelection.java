package cn.propertycompliance.ruleset;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which rules may fire for one request: in the request's jurisdiction chain, in force on asOf, of a requested area,
 * and not replaced by an {@code @overrides} rule that is itself selected. {@code overriddenBy} names, for each rule of
 * the chain in force but replaced, the rules that replaced it, sorted (for {@code trace=true}).
 */
public record RuleSelection(Set<String> allowed, Map<String, List<String>> overriddenBy) {

    public boolean allows(String ruleName) {
        return allowed.contains(ruleName);
    }
}
