package cn.propertycompliance.repair;

import cn.propertycompliance.facts.Community;
import cn.propertycompliance.facts.Repair;
import cn.propertycompliance.facts.Repair.Vote;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.vocabulary.Report;
import cn.propertycompliance.vocabulary.Reportable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The owners' vote on the maintenance fund judged by the rule in force on the day it was held. Both counts must
 * reach each share: the exclusive area AND the number of owners ("专有部分面积…且人数…").
 *
 * @param rule      the voting rule read from {@code ruleValue}, or null when the facts are incomplete or it is unavailable
 * @param ruleValue the {@code repair.voteRule} entry looked up for the vote (its citations go on the finding)
 */
public record VoteTally(Outcome outcome, VoteRule rule, List<String> missing, Vote vote, Community community,
                        ParameterValue ruleValue) implements Reportable {

    public enum Outcome { INCOMPLETE, RULE_UNAVAILABLE, QUORUM_NOT_MET, PASSED, FAILED }

    /** The table of the vote before the fund's handover (165号令 第二十二条). */
    public static final String PRE_HANDOVER_TABLE = "repair.preHandoverVoteRule";

    /**
     * The vote judged by the rule of its day. Before the fund is handed to the owners' assembly (or when that is not
     * told — the route rules read it the same way), a vote to USE the fund held while {@code repair.preHandoverVoteRule}
     * is in force (165号令 第二十二条, until the Civil Code) counts the agreeing owners among those who share the cost;
     * otherwise {@code ruleValue} ({@code repair.voteRule}) applies.
     *
     * @param preHandoverRule {@code repair.preHandoverVoteRule} on the vote's day (null or not found: does not apply)
     * @param fundHanded      {@code repair.fundHandedToOwnersAssembly} as sent
     */
    public static VoteTally of(Vote vote, Community community, ParameterValue ruleValue, ParameterValue preHandoverRule,
                               Boolean fundHanded) {
        boolean beforeHandover = vote.purpose() == Repair.VotePurpose.USE && !Boolean.TRUE.equals(fundHanded)
                && preHandoverRule != null && preHandoverRule.isFound();
        return beforeHandover ? amongCostSharingOwners(vote, community, preHandoverRule, fundHanded) : of(vote, community, ruleValue);
    }

    /** 165号令 第二十二条第（二）项: agreement of the owners within the 列支范围, by area and by number; no quorum. */
    private static VoteTally amongCostSharingOwners(Vote vote, Community community, ParameterValue ruleValue, Boolean fundHanded) {
        List<String> missing = absent(vote.costSharingArea(), "repair.vote.costSharingArea",
                vote.costSharingOwners(), "repair.vote.costSharingOwners",
                vote.agreeingArea(), "repair.vote.agreeingArea", vote.agreeingOwners(), "repair.vote.agreeingOwners");
        if (!missing.isEmpty() && fundHanded == null) {
            // after a handover the whole community's counts decide (第二十三条, 物业管理条例 第十二条): saying so is enough
            missing.add("repair.fundHandedToOwnersAssembly");
        }
        if (!missing.isEmpty()) {
            return new VoteTally(Outcome.INCOMPLETE, null, List.copyOf(missing), vote, community, ruleValue);
        }
        if (ruleValue.isUnavailable()) {
            return new VoteTally(Outcome.RULE_UNAVAILABLE, null, List.of(), vote, community, ruleValue);
        }
        VoteRule rule = VoteRule.ofCostSharing(ruleValue);
        boolean passed = rule.pass().isMetBy(vote.agreeingArea(), vote.costSharingArea())
                && rule.pass().isMetBy(BigDecimal.valueOf(vote.agreeingOwners()), BigDecimal.valueOf(vote.costSharingOwners()));
        return new VoteTally(passed ? Outcome.PASSED : Outcome.FAILED, rule, List.of(), vote, community, ruleValue);
    }

    /** The vote judged by a {@code repair.voteRule} entry (quorum, then agreement). */
    public static VoteTally of(Vote vote, Community community, ParameterValue ruleValue) {
        List<String> missing = absent(community.totalExclusiveArea(), "community.totalExclusiveArea",
                community.totalOwners(), "community.totalOwners",
                vote.participatingArea(), "repair.vote.participatingArea", vote.participatingOwners(), "repair.vote.participatingOwners",
                vote.agreeingArea(), "repair.vote.agreeingArea", vote.agreeingOwners(), "repair.vote.agreeingOwners");
        if (!missing.isEmpty()) {
            return new VoteTally(Outcome.INCOMPLETE, null, List.copyOf(missing), vote, community, ruleValue);
        }
        if (ruleValue == null || ruleValue.isUnavailable()) {
            return new VoteTally(Outcome.RULE_UNAVAILABLE, null, List.of(), vote, community, ruleValue);
        }
        VoteRule rule = VoteRule.of(ruleValue);
        BigDecimal totalArea = community.totalExclusiveArea();
        BigDecimal totalOwners = BigDecimal.valueOf(community.totalOwners());
        BigDecimal partArea = vote.participatingArea();
        BigDecimal partOwners = BigDecimal.valueOf(vote.participatingOwners());
        if (!rule.quorum().isMetBy(partArea, totalArea) || !rule.quorum().isMetBy(partOwners, totalOwners)) {
            return new VoteTally(Outcome.QUORUM_NOT_MET, rule, List.of(), vote, community, ruleValue);
        }
        boolean ofTotal = rule.passBase() == VoteRule.Base.TOTAL;
        boolean passed = rule.pass().isMetBy(vote.agreeingArea(), ofTotal ? totalArea : partArea)
                && rule.pass().isMetBy(BigDecimal.valueOf(vote.agreeingOwners()), ofTotal ? totalOwners : partOwners);
        return new VoteTally(passed ? Outcome.PASSED : Outcome.FAILED, rule, List.of(), vote, community, ruleValue);
    }

    /** The request fields, given as (value, field) pairs, whose value was not sent — in that order. */
    private static List<String> absent(Object... valueThenField) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < valueThenField.length; i += 2) {
            if (valueThenField[i] == null) {
                missing.add((String) valueThenField[i + 1]);
            }
        }
        return missing;
    }

    /** Judged (or to be judged) under 165号令 第二十二条: among the owners who share the cost. */
    public boolean isAmongCostSharingOwners() {
        return ruleValue != null && PRE_HANDOVER_TABLE.equals(ruleValue.getTable());
    }

    public boolean isIncomplete() {
        return outcome == Outcome.INCOMPLETE;
    }

    public boolean isRuleUnavailable() {
        return outcome == Outcome.RULE_UNAVAILABLE;
    }

    public boolean isQuorumNotMet() {
        return outcome == Outcome.QUORUM_NOT_MET;
    }

    public boolean isPassed() {
        return outcome == Outcome.PASSED;
    }

    public boolean isFailed() {
        return outcome == Outcome.FAILED;
    }

    /** "参与表决面积 100000/150000 ㎡（要求 ≥ 2/3），人数 1000/1500（要求 ≥ 2/3）". */
    public String quorumText() {
        return "参与表决专有部分面积" + plain(vote.participatingArea()) + "/" + plain(community.totalExclusiveArea())
                + "㎡、人数" + vote.participatingOwners() + "/" + community.totalOwners() + "（均须" + rule.quorum().text() + "）";
    }

    /** The agreeing shares against the base the rule counts them on. */
    public String passText() {
        if (rule.passBase() == VoteRule.Base.COST_SHARING) {
            return "同意的专有部分面积" + plain(vote.agreeingArea()) + "/" + plain(vote.costSharingArea()) + "㎡、人数"
                    + vote.agreeingOwners() + "/" + vote.costSharingOwners() + "（占列支范围内业主，均须" + rule.pass().text() + "）";
        }
        boolean ofTotal = rule.passBase() == VoteRule.Base.TOTAL;
        return "同意的专有部分面积" + plain(vote.agreeingArea()) + "/" + plain(ofTotal ? community.totalExclusiveArea() : vote.participatingArea())
                + "㎡、人数" + vote.agreeingOwners() + "/" + (ofTotal ? community.totalOwners() : vote.participatingOwners())
                + "（" + (ofTotal ? "占全体业主，" : "占参与表决业主，") + "均须" + rule.pass().text() + "）";
    }

    private static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }

    @Override
    public String subject() {
        return "vote";
    }

    /** The vote and, once it could be judged, the rule of its day with the counts it was judged on. */
    @Override
    public void report(Report finding) {
        // an incomplete vote cites the rule only where the rule itself asks for the missing counts (列支范围)
        if (outcome != Outcome.INCOMPLETE || isAmongCostSharingOwners()) {
            finding.source(ruleValue);
        }
        finding.detail("purpose", vote.purpose()).detail("purposeName", vote.purpose() == null ? null : vote.purpose().chineseName())
                .detail("heldOn", vote.heldOn()).detail("missing", missing.isEmpty() ? null : missing);
        if (outcome == Outcome.RULE_UNAVAILABLE) {
            finding.detail("parameter", "repair.voteRule").detail("reason", ruleValue == null ? null : ruleValue.getReason());
        }
        if (rule == null) {
            return;
        }
        if (rule.passBase() == VoteRule.Base.COST_SHARING) {
            // no quorum: the share is of the owners who share the cost (列支范围), whoever else took part
            finding.detail("pass", rule.pass().text()).detail("passBase", rule.passBase())
                    .detail("quorumText", "维修资金划转业主大会管理前，按列支范围内的业主计（不另设参与比例）").detail("passText", passText())
                    .detail("agreeingArea", vote.agreeingArea()).detail("costSharingArea", vote.costSharingArea())
                    .detail("agreeingOwners", vote.agreeingOwners()).detail("costSharingOwners", vote.costSharingOwners());
            return;
        }
        finding.detail("quorum", rule.quorum().text());
        if (outcome != Outcome.QUORUM_NOT_MET) {
            finding.detail("pass", rule.pass().text()).detail("passBase", rule.passBase());
        }
        finding.detail("quorumText", outcome == Outcome.FAILED ? null : quorumText())
                .detail("passText", outcome == Outcome.QUORUM_NOT_MET ? null : passText())
                .detail("participatingArea", vote.participatingArea()).detail("totalExclusiveArea", community.totalExclusiveArea())
                .detail("participatingOwners", vote.participatingOwners()).detail("totalOwners", community.totalOwners());
        if (outcome != Outcome.QUORUM_NOT_MET) {
            finding.detail("agreeingArea", vote.agreeingArea()).detail("agreeingOwners", vote.agreeingOwners());
        }
    }
}
