package cn.propertycompliance.committee;

import static cn.propertycompliance.parameters.ParameterStatus.OFFICIAL;
import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.facts.Committee;
import cn.propertycompliance.facts.Committee.Conduct;
import cn.propertycompliance.facts.Committee.ConductCode;
import cn.propertycompliance.facts.Committee.Member;
import cn.propertycompliance.facts.Committee.Role;
import cn.propertycompliance.facts.Community;
import cn.propertycompliance.parameters.ParameterView;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The committee's derived facts: what the rules match instead of looking the tables up themselves. Chain national
 * 000000 → province 110000 → city 110100, whose negative lists add up.
 */
class CommitteeAssessmentTest {

    static final List<String> CHAIN = List.of("000000", "110000", "110100");

    static Params lists() {
        return new Params()
                .table(MemberLists.NEGATIVE_LIST, "conduct")
                .table(MemberLists.QUALIFICATION, "ground")
                .table(Consequences.TABLE, "consequence")
                .table(CommitteeSize.TABLE)
                .table(PartyShare.TABLE)
                .table(AbsenceCheck.TABLE)
                .entry(MemberLists.NEGATIVE_LIST, "110000", Map.of(), Map.of("listed", false), OFFICIAL)
                .entry(MemberLists.NEGATIVE_LIST, "110000", Map.of("conduct", "UNAUTHORIZED_SEAL_USE"),
                        Map.of("item", "省第（四）项", "wording", "擅自使用印章"), OFFICIAL)
                .entry(MemberLists.NEGATIVE_LIST, "110100", Map.of(), Map.of("listed", false), OFFICIAL)
                .entry(MemberLists.NEGATIVE_LIST, "110100", Map.of("conduct", "UNAUTHORIZED_SEAL_USE"),
                        Map.of("item", "市第（一）项", "wording", "擅自使用印章"), OFFICIAL)
                .entry(MemberLists.NEGATIVE_LIST, "110100", Map.of("conduct", "ILLEGAL_CONSTRUCTION"),
                        Map.of("item", "市第（九）项", "wording", "违法搭建"), OFFICIAL)
                .entry(MemberLists.QUALIFICATION, "000000", Map.of("ground", "NOT_OWNER"),
                        Map.of("item", "第十六条第二款", "wording", "业主担任"), OFFICIAL);
    }

    static Params withThresholds() {
        return lists()
                .entry(CommitteeSize.TABLE, "000000", Map.of(), Map.of("minimum", 5, "odd", true, "requirement", "五人以上单数"), OFFICIAL)
                .entry(PartyShare.TABLE, "110000", Map.of(),
                        Map.of("numerator", 1, "denominator", 2, "atLeast", true, "wording", "不低于50%"), OFFICIAL)
                .entry(AbsenceCheck.TABLE, "110000", Map.of(), Map.of("basis", "SHARE_OF_MEETINGS", "numerator", 1,
                        "denominator", 2, "inclusive", true, "wording", "一半以上"), OFFICIAL);
    }

    static Member member(String id, Boolean party, Boolean owner, Integer held, Integer absent, Conduct... conduct) {
        return new Member(id, null, null, null, "m-1".equals(id) ? Role.CHAIR : Role.MEMBER, party, owner, List.of(conduct),
                held, absent, null, null, null);
    }

    static final Community COMMUNITY = new Community("C-1", null, null, null, null, null, null, null, null);

    static final Committee FOUR = new Committee(null, List.of(
            member("m-1", true, true, 6, 3, new Conduct(ConductCode.UNAUTHORIZED_SEAL_USE, LocalDate.of(2026, 9, 1)),
                    new Conduct(ConductCode.ILLEGAL_CONSTRUCTION, null)),
            member("m-2", false, false, 6, 2),
            member("m-3", false, true, 6, null),
            member("m-4", false, true, null, null)));

    @Test
    void oneCommitteeAssessmentThenOneAssessmentPerMemberInOrderEachFollowedByItsListings() {
        List<Object> derived = CommitteeAssessment.derive(withThresholds().view(CHAIN, Params.AS_OF), FOUR, COMMUNITY);
        assertThat(derived).hasSize(7);
        assertThat(derived.get(0)).isInstanceOf(CommitteeAssessment.class);
        assertThat(derived).filteredOn(MemberAssessment.class::isInstance).extracting(o -> ((MemberAssessment) o).memberId())
                .containsExactly("m-1", "m-2", "m-3", "m-4");
        // m-1's conduct is on the province's and on the city's own list: one listing per layer, broadest first.
        assertThat(derived.subList(2, 4)).allSatisfy(o -> assertThat(o).isInstanceOf(LayerListing.class))
                .extracting(o -> ((LayerListing) o).layer(), o -> ((LayerListing) o).member().memberId())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("110000", "m-1"), org.assertj.core.groups.Tuple.tuple("110100", "m-1"));
    }

    @Test
    void theCommitteeIsJudgedAgainstTheSizeAndPartyTablesInForce() {
        CommitteeAssessment a = CommitteeAssessment.of(withThresholds().view(CHAIN, Params.AS_OF), FOUR, COMMUNITY);
        // Four members: fewer than five and even.
        assertThat(a.size().invalid()).isTrue();
        assertThat(a.size().requirement()).isEqualTo("五人以上单数");
        assertThat(a.sizeRule().integer("minimum")).isEqualTo(5);
        // One party member of four: 1/4 < 1/2.
        assertThat(a.partyShare().isBelow()).isTrue();
        assertThat(a.partyShare().partyMembers()).isEqualTo(1);
        assertThat(a.partyShareRule().text("wording")).isEqualTo("不低于50%");
        assertThat(a.community()).isSameAs(COMMUNITY);
    }

    @Test
    void withoutATableInForceItsPartIsAbsent() {
        // Before the tables took effect, and in a chain with none: nothing to match, so no rule can fire.
        ParameterView before = withThresholds().view(CHAIN, Params.FROM.minusDays(1));
        CommitteeAssessment a = CommitteeAssessment.of(before, FOUR, COMMUNITY);
        assertThat(a.size()).isNull();
        assertThat(a.sizeRule()).isNull();
        assertThat(a.partyShare()).isNull();
        assertThat(a.partyShareRule()).isNull();

        ParameterView noThresholds = lists().view(CHAIN, Params.AS_OF);
        MemberAssessment m = MemberAssessment.of(FOUR.members().get(0), noThresholds, noThresholds.value(AbsenceCheck.TABLE));
        assertThat(m.absence()).isNull();
        assertThat(m.absenceRule()).isNull();
    }

    @Test
    void eachMemberCarriesTheAbsenceCheck() {
        ParameterView params = withThresholds().view(CHAIN, Params.AS_OF);
        List<MemberAssessment> derived = CommitteeAssessment.derive(params, FOUR, COMMUNITY).stream()
                .filter(MemberAssessment.class::isInstance).map(MemberAssessment.class::cast).toList();
        MemberAssessment m1 = derived.get(0);
        MemberAssessment m2 = derived.get(1);
        MemberAssessment m3 = derived.get(2);
        MemberAssessment m4 = derived.get(3);
        // 3 of 6 is half: 以上 includes it. 2 of 6 is not. Only one figure sent: undetermined. None sent: nothing.
        assertThat(m1.absence().isReached()).isTrue();
        assertThat(m1.absenceRule().text("wording")).isEqualTo("一半以上");
        assertThat(m2.absence().isReached()).isFalse();
        assertThat(m2.absence().isUndetermined()).isFalse();
        assertThat(m3.absence().missing()).containsExactly("meetingsAbsentLast12Months");
        assertThat(m4.absence().isReached()).isFalse();
        assertThat(m4.absence().isUndetermined()).isFalse();
        // The national qualification: m-2 is not an owner.
        assertThat(m2.qualifications().getCodes()).containsExactly("NOT_OWNER");
        assertThat(m1.qualifications().isListed()).isFalse();
    }

    @Test
    void theChainListTakesEachCodeFromTheMostSpecificLayerAndEachLayersOwnListOnlyItsEntries() {
        ParameterView params = withThresholds().view(CHAIN, Params.AS_OF);
        MemberAssessment m1 = MemberAssessment.of(FOUR.members().get(0), params, params.value(AbsenceCheck.TABLE));
        assertThat(m1.negativeList().items()).extracting(ListedItem::item).containsExactly("市第（一）项", "市第（九）项");
        // The province's own list: 违法搭建 is not on it (its keyless 'listed: false'), whatever the city says.
        assertThat(m1.negativeListOfLayer("110000").items()).extracting(ListedItem::item).containsExactly("省第（四）项");
        assertThat(m1.negativeListOfLayer("110100").items()).extracting(ListedItem::item).containsExactly("市第（一）项", "市第（九）项");
        assertThat(m1.negativeListOfLayer("000000").isListed()).isFalse();
        // A layer outside the chain matches nothing, as MemberLists.negativeListOfLayer.
        assertThat(m1.negativeListOfLayer("370300").isListed()).isFalse();
        assertThat(m1.negativeListOfLayer("370300").isPending()).isFalse();
        // Identical to what the rules computed before, for every layer.
        for (String layer : List.of("000000", "110000", "110100", "370300")) {
            assertThat(m1.negativeListOfLayer(layer)).as(layer).usingRecursiveComparison()
                    .isEqualTo(MemberLists.negativeListOfLayer(FOUR.members().get(0), params, layer));
        }
    }
}
