package cn.propertycompliance.repair;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.facts.Community;
import cn.propertycompliance.facts.Repair;
import cn.propertycompliance.facts.Repair.Category;
import cn.propertycompliance.facts.Repair.Cause;
import cn.propertycompliance.facts.Repair.Component;
import cn.propertycompliance.facts.Repair.Evidence;
import cn.propertycompliance.facts.Repair.EvidenceType;
import cn.propertycompliance.facts.Repair.Vote;
import cn.propertycompliance.facts.Repair.VotePurpose;
import cn.propertycompliance.parameters.ParameterView;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The REPAIR area's derived facts against the repository's tables, on hand-checked values. */
class RepairAssessorTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    /** Accepted 2019-06-01; 120,000 ㎡ and 980 owners. */
    private static final Community COMMUNITY = new Community("C", null, LocalDate.of(2019, 6, 1), null, true, true,
            new BigDecimal("120000"), 980, null);

    private static ParameterView params(String region) {
        return new ParameterView(RepoRelease.get().parameters(), RepoRelease.REGIONS.resolve(region).orElseThrow().layers(), AS_OF);
    }

    private static Repair lift(Component component, Cause cause, Vote vote, EvidenceType... evidence) {
        return new Repair("R", Category.ELEVATOR_FAULT, component, true,
                java.util.Arrays.stream(evidence).map(t -> new Evidence(t, LocalDate.of(2026, 10, 2))).toList(), cause,
                LocalDate.of(2026, 10, 3), null, true, null, null, vote);
    }

    /** 90,000 ㎡ / 700 owners took part, 50,000 ㎡ / 400 owners agreed. */
    private static Vote vote(LocalDate heldOn) {
        return new Vote(VotePurpose.USE, new BigDecimal("90000"), 700, new BigDecimal("50000"), 400, heldOn, null, null);
    }

    private static RepairAssessment assessment(List<Object> facts) {
        return (RepairAssessment) facts.get(0);
    }

    @Test
    void liftOutOfWarrantyWithNoLiablePartyMeetsTheUnheldNationalListInWuhan() {
        List<Object> facts = RepairAssessor.derive(params("420102"), COMMUNITY, lift(Component.ELEVATOR, Cause.WEAR, null));
        assertThat(facts).hasSize(1);
        RepairAssessment a = assessment(facts);
        // elevator: 2 years (设备安装) from 2019-06-01, last day 2021-06-01; reported 2026-10-03
        assertThat(a.warrantyPeriod().integer("years")).isEqualTo(2);
        assertThat(a.warranty().status()).isEqualTo(WarrantyCheck.Status.ENDED);
        assertThat(a.warranty().lastDay()).isEqualTo(LocalDate.of(2021, 6, 1));
        assertThat(a.excludedCause().isUnavailable()).isTrue(); // wear: no liable party in the table
        // Hubei publishes no list of its own, and the national list is not held (PENDING): the listing is unknown.
        assertThat(a.emergencyList().getJurisdiction()).isEqualTo("000000");
        assertThat(a.emergencyList().isAvailable()).isFalse();
        assertThat(a.listing().status()).isEqualTo(EmergencyListing.Status.UNAVAILABLE);
        assertThat(a.useVoteRule().text("passBase")).isEqualTo("PARTICIPATING"); // 民法典 at asOf
    }

    @Test
    void shanghaisOwnListIsReadAndItsEvidenceRequired() {
        RepairAssessment without = assessment(RepairAssessor.derive(params("310101"), COMMUNITY, lift(Component.ELEVATOR, Cause.WEAR, null)));
        assertThat(without.emergencyList().getJurisdiction()).isEqualTo("310000");
        assertThat(without.listing().status()).isEqualTo(EmergencyListing.Status.EVIDENCE_MISSING);
        assertThat(without.listing().missingEvidence()).containsExactly("INSPECTION_RECTIFICATION_NOTICE");
        RepairAssessment with = assessment(RepairAssessor.derive(params("310101"), COMMUNITY,
                lift(Component.ELEVATOR, Cause.WEAR, null, EvidenceType.INSPECTION_RECTIFICATION_NOTICE)));
        assertThat(with.listing().status()).isEqualTo(EmergencyListing.Status.LISTED);
    }

    @Test
    void liablePartyAndMissingComponentAreCarriedAsLookedUp() {
        RepairAssessment a = assessment(RepairAssessor.derive(params("420102"), COMMUNITY, lift(null, Cause.THIRD_PARTY_DAMAGE, null)));
        assertThat(a.excludedCause().isAvailable()).isTrue();
        assertThat(a.excludedCause().text("liablePartyName")).isEqualTo("造成损坏的责任人");
        assertThat(a.warrantyPeriod().isFound()).isFalse();
        assertThat(a.warranty().status()).isEqualTo(WarrantyCheck.Status.FACTS_MISSING);
        assertThat(a.warranty().missing()).containsExactly("repair.component");
    }

    /**
     * The same vote under the rule of its own day: 2018 regulation (≥ 2/3 of ALL: 50,000/120,000 ㎡ fails) on
     * 2020-06-01, 民法典 (> 1/2 of those taking part: 50,000/90,000 ㎡ and 400/700 owners pass) on 2021-06-01.
     */
    @Test
    void aDatedVoteIsJudgedByTheRuleInForceOnItsDay() {
        List<Object> before = RepairAssessor.derive(params("420102"), COMMUNITY, lift(Component.ELEVATOR, Cause.WEAR, vote(LocalDate.of(2020, 6, 1))));
        assertThat(before).hasSize(2);
        VoteTally t2020 = (VoteTally) before.get(1);
        assertThat(t2020.ruleValue().getEntry().effectiveTo()).isEqualTo(LocalDate.of(2020, 12, 31));
        assertThat(t2020.outcome()).isEqualTo(VoteTally.Outcome.FAILED);

        VoteTally t2021 = (VoteTally) RepairAssessor.derive(params("420102"), COMMUNITY,
                lift(Component.ELEVATOR, Cause.WEAR, vote(LocalDate.of(2021, 6, 1)))).get(1);
        assertThat(t2021.ruleValue().text("passBase")).isEqualTo("PARTICIPATING");
        assertThat(t2021.outcome()).isEqualTo(VoteTally.Outcome.PASSED);
    }

    @Test
    void aVoteWithoutADateIsNotJudged() {
        assertThat(RepairAssessor.derive(params("420102"), COMMUNITY, lift(Component.ELEVATOR, Cause.WEAR, vote(null))))
                .hasSize(1).first().isInstanceOf(RepairAssessment.class);
    }
}
