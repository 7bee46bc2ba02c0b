package cn.propertycompliance.repair;

import java.math.BigDecimal;

/** The value type of {@code repair.voteRule} (read as {@link VoteRule}). */
public record VoteRuleValue(BigDecimal quorumNumerator, BigDecimal quorumDenominator, boolean quorumInclusive,
                            BigDecimal passNumerator, BigDecimal passDenominator, boolean passInclusive, VoteRule.Base passBase) {
}
