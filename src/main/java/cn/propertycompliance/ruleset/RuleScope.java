package cn.propertycompliance.ruleset;

import cn.propertycompliance.vocabulary.Area;

/**
 * An engine fact: "rules of this layer and area are in play". The compiler puts a {@code RuleScope} pattern first in
 * every rule and the evaluator inserts one per (layer of the request's chain × requested area), so Drools' lazy
 * network never evaluates the conditions of rules for other places or areas. Which of the rules in play may fire
 * (dates, overrides) is still decided by the agenda filter.
 */
public record RuleScope(String layer, String area) {

    public RuleScope(String layer, Area area) {
        this(layer, area.name());
    }

    /**
     * The pattern prepended to a rule's conditions; fully qualified so rule files need not import it. Both values are
     * string literals: the alpha network hashes them, and MVEL never has to resolve a class name at run time (an enum
     * constant here made it search the class path on every assertion).
     */
    static String pattern(RuleMeta rule) {
        return RuleScope.class.getName() + "( layer == \"" + rule.jurisdiction() + "\", area == \"" + rule.area().name() + "\" ) ";
    }
}
