package cn.propertycompliance.repair;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.facts.Community;
import cn.propertycompliance.facts.Repair.Vote;
import cn.propertycompliance.facts.Repair.VotePurpose;
import cn.propertycompliance.parameters.ParameterValue;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The two rules of rules/national/parameters/repair-vote-rule.yaml, on hand-checked numbers. */
class VoteTallyTest {

    /** 民法典 第二百七十八条: quorum ≥ 2/3, USE > 1/2 of those taking part. */
    private static final ParameterValue CIVIL_CODE_USE = TestParams.value("quorumNumerator", 2, "quorumDenominator", 3,
            "quorumInclusive", true, "passNumerator", 1, "passDenominator", 2, "passInclusive", false, "passBase", "PARTICIPATING");
    /** 物业管理条例 第十二条 (2018): quorum > 1/2, fund matters ≥ 2/3 of ALL owners and the total area. */
    private static final ParameterValue REGULATION_2018 = TestParams.value("quorumNumerator", 1, "quorumDenominator", 2,
            "quorumInclusive", false, "passNumerator", 2, "passDenominator", 3, "passInclusive", true, "passBase", "TOTAL");

    private static Community community(String area, Integer owners) {
        return new Community("C", null, null, null, null, null, area == null ? null : new BigDecimal(area), owners, null);
    }

    private static Vote vote(String partArea, int partOwners, String agreeArea, int agreeOwners) {
        return new Vote(VotePurpose.USE, new BigDecimal(partArea), partOwners, new BigDecimal(agreeArea), agreeOwners, LocalDate.of(2022, 1, 1), null, null);
    }

    @Test
    void sameNumbersPassUnderTheCivilCodeAndFailUnderThe2018Regulation() {
        Community c = community("120000", 980);
        Vote v = vote("90000", 700, "60000", 500);
        assertThat(VoteTally.of(v, c, CIVIL_CODE_USE).outcome()).isEqualTo(VoteTally.Outcome.PASSED);
        // 60000/120000 = 1/2 < 2/3 of the total area
        assertThat(VoteTally.of(v, c, REGULATION_2018).outcome()).isEqualTo(VoteTally.Outcome.FAILED);
    }

    @Test
    void quorumExactlyTwoThirdsIsMet() {
        Community c = community("150000", 1500);
        assertThat(VoteTally.of(vote("100000", 1000, "60000", 600), c, CIVIL_CODE_USE).outcome()).isEqualTo(VoteTally.Outcome.PASSED);
        assertThat(VoteTally.of(vote("100000", 999, "60000", 600), c, CIVIL_CODE_USE).outcome()).isEqualTo(VoteTally.Outcome.QUORUM_NOT_MET);
        assertThat(VoteTally.of(vote("99999.9", 1000, "60000", 600), c, CIVIL_CODE_USE).outcome()).isEqualTo(VoteTally.Outcome.QUORUM_NOT_MET);
    }

    @Test
    void agreementOfExactlyHalfFails() {
        Community c = community("150000", 1500);
        assertThat(VoteTally.of(vote("100000", 1000, "60000", 500), c, CIVIL_CODE_USE).outcome()).isEqualTo(VoteTally.Outcome.FAILED);
        assertThat(VoteTally.of(vote("100000", 1000, "50000", 600), c, CIVIL_CODE_USE).outcome()).isEqualTo(VoteTally.Outcome.FAILED);
        assertThat(VoteTally.of(vote("100000", 1000, "50000.01", 501), c, CIVIL_CODE_USE).outcome()).isEqualTo(VoteTally.Outcome.PASSED);
    }

    @Test
    void the2018RuleCountsAgreementOnAllOwners() {
        Community c = community("150000", 1500);
        // 1000 of 1500 owners and 100000 of 150000 ㎡ agree: exactly 2/3 of the totals → passes
        assertThat(VoteTally.of(vote("120000", 1200, "100000", 1000), c, REGULATION_2018).outcome()).isEqualTo(VoteTally.Outcome.PASSED);
        assertThat(VoteTally.of(vote("120000", 1200, "100000", 999), c, REGULATION_2018).outcome()).isEqualTo(VoteTally.Outcome.FAILED);
        // its quorum is "过半数…参加": exactly half taking part is not enough
        assertThat(VoteTally.of(vote("75000", 750, "75000", 750), c, REGULATION_2018).outcome()).isEqualTo(VoteTally.Outcome.QUORUM_NOT_MET);
    }

    @Test
    void missingTotalsAreReported() {
        VoteTally t = VoteTally.of(vote("100000", 1000, "60000", 600), community(null, null), CIVIL_CODE_USE);
        assertThat(t.outcome()).isEqualTo(VoteTally.Outcome.INCOMPLETE);
        assertThat(t.missing()).containsExactly("community.totalExclusiveArea", "community.totalOwners");
    }

    /** 165号令 第二十二条第（二）项: ≥ 2/3 of the owners within the 列支范围, by area and by number; no quorum. */
    private static final ParameterValue BEFORE_HANDOVER = TestParams.value("passNumerator", 2, "passDenominator", 3, "passInclusive", true);

    private static Vote costShared(String agreeArea, int agreeOwners, String sharingArea, Integer sharingOwners) {
        return new Vote(VotePurpose.USE, null, null, new BigDecimal(agreeArea), agreeOwners, LocalDate.of(2019, 10, 20),
                sharingArea == null ? null : new BigDecimal(sharingArea), sharingOwners);
    }

    @Test
    void beforeTheHandoverAgreementIsCountedAmongTheOwnersWhoShareTheCost() {
        Community c = community("120000", 980);
        // 20000/30000 and 160/240: exactly 2/3 of the building, although 1/6 of the community
        assertThat(VoteTally.of(costShared("20000", 160, "30000", 240), c, REGULATION_2018, BEFORE_HANDOVER, false).outcome())
                .isEqualTo(VoteTally.Outcome.PASSED);
        assertThat(VoteTally.of(costShared("20000", 159, "30000", 240), c, REGULATION_2018, BEFORE_HANDOVER, null).outcome())
                .isEqualTo(VoteTally.Outcome.FAILED);
        assertThat(VoteTally.of(costShared("19999.99", 160, "30000", 240), c, REGULATION_2018, BEFORE_HANDOVER, false).outcome())
                .isEqualTo(VoteTally.Outcome.FAILED);
    }

    @Test
    void afterTheHandoverOrToRaiseTheFundTheWholeCommunityCounts() {
        Community c = community("120000", 980);
        Vote v = new Vote(VotePurpose.USE, new BigDecimal("90000"), 700, new BigDecimal("20000"), 160, LocalDate.of(2019, 10, 20),
                new BigDecimal("30000"), 240);
        assertThat(VoteTally.of(v, c, REGULATION_2018, BEFORE_HANDOVER, true).rule().passBase()).isEqualTo(VoteRule.Base.TOTAL);
        Vote raise = new Vote(VotePurpose.RAISE, new BigDecimal("90000"), 700, new BigDecimal("20000"), 160, LocalDate.of(2019, 10, 20),
                new BigDecimal("30000"), 240);
        assertThat(VoteTally.of(raise, c, REGULATION_2018, BEFORE_HANDOVER, false).rule().passBase()).isEqualTo(VoteRule.Base.TOTAL);
        // no pre-handover rule on the vote's day (before 2008-02-01, from 2021-01-01): the general rule
        assertThat(VoteTally.of(v, c, REGULATION_2018, null, false).rule().passBase()).isEqualTo(VoteRule.Base.TOTAL);
    }

    @Test
    void withoutTheCostSharingCountsTheVoteIsNotJudgedOnTheWholeCommunity() {
        Vote v = costShared("20000", 160, null, null);
        VoteTally told = VoteTally.of(v, community("120000", 980), REGULATION_2018, BEFORE_HANDOVER, false);
        assertThat(told.outcome()).isEqualTo(VoteTally.Outcome.INCOMPLETE);
        assertThat(told.missing()).containsExactly("repair.vote.costSharingArea", "repair.vote.costSharingOwners");
        // not told whether the fund was handed over: saying it was would also settle the question
        assertThat(VoteTally.of(v, community("120000", 980), REGULATION_2018, BEFORE_HANDOVER, null).missing())
                .containsExactly("repair.vote.costSharingArea", "repair.vote.costSharingOwners", "repair.fundHandedToOwnersAssembly");
    }

    @Test
    void aPendingRuleIsUnavailable() {
        assertThat(VoteTally.of(vote("100000", 1000, "60000", 600), community("150000", 1500), TestParams.pending()).outcome())
                .isEqualTo(VoteTally.Outcome.RULE_UNAVAILABLE);
    }
}
