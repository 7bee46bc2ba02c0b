package cn.propertycompliance.repair;

import java.math.BigDecimal;

/**
 * The value type of {@code repair.preHandoverVoteRule}: the share of the owners within the 列支范围 (by exclusive area
 * and by number) who must agree to use the fund before it is handed to the owners' assembly (read as {@link VoteRule}).
 */
public record CostSharingVoteRule(BigDecimal passNumerator, BigDecimal passDenominator, boolean passInclusive) {
}
