package cn.propertycompliance.repair;

import cn.propertycompliance.parameters.ParameterValue;

/**
 * The voting rule of one parameter entry of {@code repair.voteRule}: who must take part (quorum, always a share of
 * all owners and of the total exclusive area) and who must agree (a share of those taking part, or — before the
 * Civil Code — of all owners and the total area). An entry of {@code repair.preHandoverVoteRule} (165号令 第二十二条)
 * has no quorum: agreement is counted among the owners who share the cost ({@link Base#COST_SHARING}).
 *
 * @param quorum null where the text sets none (165号令 第二十二条第（二）项 names only who must agree)
 */
public record VoteRule(Threshold quorum, Threshold pass, Base passBase) {

    /** What the agreeing share is counted against. */
    public enum Base {
        /** 参与表决的业主（民法典 第二百七十八条第二款）. */
        PARTICIPATING,
        /** 全体业主 / 建筑物总面积（物业管理条例 第十二条第三款）. */
        TOTAL,
        /** 列支范围内的业主 / 其专有部分总面积（住宅专项维修资金管理办法 第二十二条第（二）项）. */
        COST_SHARING
    }

    public static VoteRule of(ParameterValue p) {
        VoteRuleValue v = p.as(VoteRuleValue.class);
        return new VoteRule(
                new Threshold(v.quorumNumerator(), v.quorumDenominator(), v.quorumInclusive()),
                new Threshold(v.passNumerator(), v.passDenominator(), v.passInclusive()),
                v.passBase());
    }

    /** An entry of {@code repair.preHandoverVoteRule}: no quorum, agreement among the owners who share the cost. */
    public static VoteRule ofCostSharing(ParameterValue p) {
        CostSharingVoteRule v = p.as(CostSharingVoteRule.class);
        return new VoteRule(null, new Threshold(v.passNumerator(), v.passDenominator(), v.passInclusive()), Base.COST_SHARING);
    }
}
