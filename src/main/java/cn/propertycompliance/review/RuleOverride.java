package cn.propertycompliance.review;

import cn.propertycompliance.ruleset.RuleMeta;

/**
 * A rule that replaces a broader layer's rule ({@code @overrides}), with the highest legal level each one cites.
 * {@code needsReview}: the replacing rule rests only on lower-ranking documents than the rule it replaces, so it may
 * relax a higher norm — the report flags it and does not judge.
 */
public record RuleOverride(RuleMeta rule, RuleMeta replaced, String ruleLevel, String replacedLevel, boolean needsReview) {
}
