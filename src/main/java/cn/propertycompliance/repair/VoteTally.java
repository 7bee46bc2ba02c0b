package cn.propertycompliance.repair;

import cn.propertycompliance.facts.Community;
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

    public static VoteTally of(Vote vote, Community community, ParameterValue ruleValue) {
        List<String> missing = new ArrayList<>();
        if (community.totalExclusiveArea() == null) {
            missing.add("community.totalExclusiveArea");
        }
        if (community.totalOwners() == null) {
            missing.add("community.totalOwners");
        }
        if (vote.participatingArea() == null) {
            missing.add("repair.vote.participatingArea");
        }
        if (vote.participatingOwners() == null) {
            missing.add("repair.vote.participatingOwners");
        }
        if (vote.agreeingArea() == null) {
            missing.add("repair.vote.agreeingArea");
        }
        if (vote.agreeingOwners() == null) {
            missing.add("repair.vote.agreeingOwners");
        }
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
        if (outcome != Outcome.INCOMPLETE) {
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
