package cn.propertycompliance.ruleset;

import java.util.Map;
import java.util.Set;

/**
 * Which rules may fire for one request: in the request's jurisdiction chain, in force on asOf, of a requested area,
 * and not replaced by an {@code @overrides} rule that is itself selected. {@code excluded} says why each other
 * rule of the chain is out (for {@code trace=true}).
 */
public record RuleSelection(Set<String> allowed, Map<String, String> excluded) {

    public boolean allows(String ruleName) {
        return allowed.contains(ruleName);
    }
}
