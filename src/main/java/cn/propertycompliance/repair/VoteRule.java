package cn.propertycompliance.repair;

import cn.propertycompliance.parameters.ParameterValue;

/**
 * The voting rule of one parameter entry of {@code repair.voteRule}: who must take part (quorum, always a share of
 * all owners and of the total exclusive area) and who must agree (a share of those taking part, or — before the
 * Civil Code — of all owners and the total area).
 */
public record VoteRule(Threshold quorum, Threshold pass, Base passBase) {

    /** What the agreeing share is counted against. */
    public enum Base {
        /** 参与表决的业主（民法典 第二百七十八条第二款）. */
        PARTICIPATING,
        /** 全体业主 / 建筑物总面积（物业管理条例 第十二条第三款）. */
        TOTAL
    }

    public static VoteRule of(ParameterValue p) {
        VoteRuleValue v = p.as(VoteRuleValue.class);
        return new VoteRule(
                new Threshold(v.quorumNumerator(), v.quorumDenominator(), v.quorumInclusive()),
                new Threshold(v.passNumerator(), v.passDenominator(), v.passInclusive()),
                v.passBase());
    }
}
