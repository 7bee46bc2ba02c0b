package cn.propertycompliance.committee;

import cn.propertycompliance.facts.Committee.Conduct;
import cn.propertycompliance.facts.Committee.ConductCode;
import cn.propertycompliance.facts.Committee.Member;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.vocabulary.Action;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static cn.propertycompliance.parameters.ParameterStatus.INTERPRETATION;
import static cn.propertycompliance.parameters.ParameterStatus.OFFICIAL;
import static cn.propertycompliance.parameters.ParameterStatus.PENDING;
import static org.assertj.core.api.Assertions.assertThat;

/** Matching members against layered list tables: national 000000 → province 110000 → city 110100. */
class MemberListsTest {

    static final List<String> CHAIN = List.of("000000", "110000", "110100");

    static Params tables() {
        return new Params()
                .table(MemberLists.NEGATIVE_LIST, "conduct")
                .table(MemberLists.QUALIFICATION, "ground")
                .table(Consequences.TABLE, "consequence")
                // A national list entry that a complete provincial list must hide.
                .entry(MemberLists.NEGATIVE_LIST, "000000", Map.of("conduct", "FEE_ARREARS"),
                        Map.of("item", "全国第一项", "wording", "欠费"), OFFICIAL)
                .entry(MemberLists.NEGATIVE_LIST, "110000", Map.of(), Map.of("listed", false), OFFICIAL)
                .entry(MemberLists.NEGATIVE_LIST, "110000", Map.of("conduct", "UNAUTHORIZED_SEAL_USE"),
                        Map.of("item", "第（四）项", "wording", "擅自使用印章", "consequence", "P-2"), OFFICIAL)
                .entry(MemberLists.NEGATIVE_LIST, "110000", Map.of("conduct", "ACCEPT_BENEFITS"),
                        Map.of("item", "第（七）项", "wording", "利益交换"), INTERPRETATION)
                .entry(MemberLists.NEGATIVE_LIST, "110000", Map.of("conduct", "FORGE_VOTES"),
                        Map.of("item", "第（二）项", "wording", "虚构文件资料", "consequence", "P-2"), INTERPRETATION)
                .entry(MemberLists.QUALIFICATION, "000000", Map.of("ground", "NOT_OWNER"),
                        Map.of("item", "第十六条第二款", "wording", "业主担任"), OFFICIAL)
                .entry(MemberLists.QUALIFICATION, "110100", Map.of("ground", "RELATIVE_EMPLOYED_BY_PROVIDER"),
                        Map.of("item", "第十八条第（三）项", "wording", "无直接利害关系", "consequence", "P-2"), OFFICIAL)
                .entry(MemberLists.QUALIFICATION, "110100", Map.of("ground", "FEE_ARREARS"),
                        Map.of("item", "第二十条第二款", "wording", "欠交物业服务费"), OFFICIAL)
                // The consequence lives in the province; the city's entries refer to it.
                .entry(Consequences.TABLE, "110000", Map.of("consequence", "P-2"), Map.of("actions", List.of(
                        Map.of("code", "SUSPEND_DUTIES", "by", "街道办事处", "message", "暂停履职"),
                        Map.of("code", "PROPOSE_REMOVAL", "by", "业主委员会", "message", "提请罢免"))), OFFICIAL);
    }

    static ParameterView view() {
        return tables().view(CHAIN, Params.AS_OF);
    }

    static Member member(Boolean owner, Boolean relative, Boolean debtor, Conduct... conduct) {
        return new Member("m-01", "张三", "110105199001011234", "13800000000", null, null, owner, Arrays.asList(conduct),
                null, null, null, relative, debtor);
    }

    static Conduct c(ConductCode code, String date) {
        return new Conduct(code, date == null ? null : LocalDate.parse(date));
    }

    @Test
    void aListedConductMatchesItsItemWithWordingAndConsequence() {
        MemberMatch m = MemberLists.negativeList(member(true, null, null, c(ConductCode.UNAUTHORIZED_SEAL_USE, "2026-09-01")), view());
        assertThat(m.isListed()).isTrue();
        assertThat(m.items()).containsExactly(new ListedItem("UNAUTHORIZED_SEAL_USE", "第（四）项", "擅自使用印章", "OFFICIAL", "note of 110000"));
        assertThat(m.actions()).containsExactly(new Action("SUSPEND_DUTIES", "暂停履职", "街道办事处", null),
                new Action("PROPOSE_REMOVAL", "提请罢免", "业主委员会", null));
        assertThat(m.sources()).hasSize(2);
    }

    @Test
    void aCompleteLocalListHidesBroaderEntriesAndUnlistedCodesGiveNothing() {
        MemberMatch m = MemberLists.negativeList(member(true, null, null, c(ConductCode.FEE_ARREARS, "2026-09-01"),
                c(ConductCode.RETALIATE_COMPLAINANT, null)), view());
        assertThat(m.isListed()).isFalse();
        assertThat(m.isPending()).isFalse();
        assertThat(m.actions()).isEmpty();
        // Outside the province the national entry applies.
        MemberMatch national = MemberLists.negativeList(member(true, null, null, c(ConductCode.FEE_ARREARS, "2026-09-01")),
                tables().view(List.of("000000"), Params.AS_OF));
        assertThat(national.getCodes()).containsExactly("FEE_ARREARS");
    }

    @Test
    void twoItemsOneFindingWithTheUnionOfActionsEachOnceAndRepeatsCountedOnce() {
        MemberMatch m = MemberLists.negativeList(member(true, null, null,
                c(ConductCode.ACCEPT_BENEFITS, "2026-08-01"), c(ConductCode.UNAUTHORIZED_SEAL_USE, "2026-09-01"),
                c(ConductCode.FORGE_VOTES, "2026-09-02"), c(ConductCode.ACCEPT_BENEFITS, "2026-10-01")), view());
        assertThat(m.getCodes()).containsExactly("ACCEPT_BENEFITS", "UNAUTHORIZED_SEAL_USE", "FORGE_VOTES");
        assertThat(m.items().get(0).status()).isEqualTo("INTERPRETATION");
        assertThat(m.actions()).extracting(Action::code).containsExactly("SUSPEND_DUTIES", "PROPOSE_REMOVAL");
        assertThat(m.listedItems().toString()).isEqualTo("第（七）项“利益交换”、第（四）项“擅自使用印章”、第（二）项“虚构文件资料”");
    }

    @Test
    void conductIsJudgedByTheListInForceWhenItHappenedAndNotAfterAsOf() {
        ParameterView view = view();
        assertThat(MemberLists.negativeList(member(true, null, null, c(ConductCode.UNAUTHORIZED_SEAL_USE, "2020-04-30")), view)
                .isListed()).isFalse();
        assertThat(MemberLists.negativeList(member(true, null, null, c(ConductCode.UNAUTHORIZED_SEAL_USE, "2020-05-01")), view)
                .isListed()).isTrue();
        assertThat(MemberLists.negativeList(member(true, null, null, c(ConductCode.UNAUTHORIZED_SEAL_USE, "2026-11-02")), view)
                .isListed()).isFalse();
        // Undated conduct is judged at asOf.
        assertThat(MemberLists.negativeList(member(true, null, null, c(ConductCode.UNAUTHORIZED_SEAL_USE, null)), view)
                .isListed()).isTrue();
    }

    /** A province (110000) and a city (110100) list that add up: each layer's rule reads its own entries only. */
    static ParameterView addingUp() {
        return tables()
                .entry(MemberLists.NEGATIVE_LIST, "110100", Map.of(), Map.of("listed", false), OFFICIAL, LocalDate.of(2021, 12, 1))
                .entry(MemberLists.NEGATIVE_LIST, "110100", Map.of("conduct", "UNAUTHORIZED_SEAL_USE"),
                        Map.of("item", "市第（四）项", "wording", "擅自用章", "consequence", "C-33"), OFFICIAL,
                        LocalDate.of(2021, 12, 1))
                .entry(Consequences.TABLE, "110100", Map.of("consequence", "C-33"), Map.of("actions", List.of(
                        Map.of("code", "PROPOSE_REMOVAL", "by", "街道", "message", "督促罢免"))), OFFICIAL)
                .view(CHAIN, Params.AS_OF);
    }

    @Test
    void layerListsAddUpEachWithItsOwnItemAndConsequence() {
        Member m = member(true, null, null, c(ConductCode.UNAUTHORIZED_SEAL_USE, "2026-09-01"), c(ConductCode.ACCEPT_BENEFITS, "2026-09-01"));
        // The most specific reading: the city's closed list hides the province's items.
        assertThat(MemberLists.negativeList(m, addingUp()).getCodes()).containsExactly("UNAUTHORIZED_SEAL_USE");
        assertThat(MemberLists.negativeList(m, addingUp()).items().get(0).item()).isEqualTo("市第（四）项");
        // Layer by layer: the city's and the province's items, each with its own consequence.
        MemberMatch city = MemberLists.negativeListOfLayer(m, addingUp(), "110100");
        assertThat(city.items()).extracting(ListedItem::item).containsExactly("市第（四）项");
        assertThat(city.actions()).containsExactly(new Action("PROPOSE_REMOVAL", "督促罢免", "街道", null));
        MemberMatch province = MemberLists.negativeListOfLayer(m, addingUp(), "110000");
        assertThat(province.items()).extracting(ListedItem::item).containsExactly("第（四）项", "第（七）项");
        assertThat(province.actions()).extracting(Action::code).containsExactly("SUSPEND_DUTIES", "PROPOSE_REMOVAL");
        // The national entry is not the province's: FEE_ARREARS is on neither layer's own list.
        assertThat(MemberLists.negativeListOfLayer(member(true, null, null, c(ConductCode.FEE_ARREARS, "2026-09-01")), addingUp(), "110000")
                .isListed()).isFalse();
        assertThat(MemberLists.negativeListOfLayer(member(true, null, null, c(ConductCode.FEE_ARREARS, "2026-09-01")), addingUp(), "000000")
                .getCodes()).containsExactly("FEE_ARREARS");
    }

    @Test
    void eachLayerJudgesConductByItsOwnEffectiveDateAndAForeignLayerMatchesNothing() {
        Member early = member(true, null, null, c(ConductCode.UNAUTHORIZED_SEAL_USE, "2021-11-30"));
        assertThat(MemberLists.negativeListOfLayer(early, addingUp(), "110100").isListed()).isFalse();   // city list from 2021-12-01
        assertThat(MemberLists.negativeListOfLayer(early, addingUp(), "110000").isListed()).isTrue();    // province from 2020-05-01
        // Under the most specific reading the province's item showed through before the city's list took effect.
        assertThat(MemberLists.negativeList(early, addingUp()).items()).extracting(ListedItem::item).containsExactly("第（四）项");
        Member now = member(true, null, null, c(ConductCode.UNAUTHORIZED_SEAL_USE, "2026-09-01"));
        assertThat(MemberLists.negativeListOfLayer(now, addingUp(), "310000").isListed()).isFalse();
    }

    @Test
    void aPendingListReportsTheCodesAndTheReasonButNoItem() {
        ParameterView view = new Params().table(MemberLists.NEGATIVE_LIST, "conduct")
                .entry(MemberLists.NEGATIVE_LIST, "420000", Map.of(), Map.of(), PENDING)
                .view(List.of("000000", "420000"), Params.AS_OF);
        MemberMatch m = MemberLists.negativeList(member(true, null, null, c(ConductCode.FUND_ARREARS, "2026-01-01"),
                c(ConductCode.FORGE_VOTES, null)), view);
        assertThat(m.isListed()).isFalse();
        assertThat(m.pendingCodes()).containsExactly("FUND_ARREARS", "FORGE_VOTES");
        assertThat(m.getPendingNames()).containsExactly("欠交专项维修资金", "伪造选票");
        assertThat(m.pendingReason()).contains("PENDING").contains("note of 420000");
    }

    @Test
    void qualificationsFallBackPerGroundToBroaderLayers() {
        MemberMatch m = MemberLists.qualifications(member(false, true, true, c(ConductCode.FEE_ARREARS, "2026-01-01"),
                c(ConductCode.UNAUTHORIZED_SEAL_USE, "2026-01-01")), view());
        // NOT_OWNER from the national layer, the relative and arrears from the city; no layer names the debtor.
        assertThat(m.getCodes()).containsExactly("NOT_OWNER", "RELATIVE_EMPLOYED_BY_PROVIDER", "FEE_ARREARS");
        assertThat(m.actions()).extracting(Action::code).containsExactly("SUSPEND_DUTIES", "PROPOSE_REMOVAL");
    }

    @Test
    void onlyFactsSentAsSuchDisqualify() {
        assertThat(MemberLists.qualifications(member(null, null, null), view()).isListed()).isFalse();
        assertThat(MemberLists.qualifications(member(true, false, false), view()).isListed()).isFalse();
    }

    @Test
    void pendingActionsSayTheyFollowOnlyOnceConfirmed() {
        ParameterView view = view();
        List<Action> actions = Consequences.ifConfirmed(Consequences.lookup(view, List.of("P-2", "unknown")));
        assertThat(actions).extracting(Action::message).allMatch(msg -> msg.startsWith("如经认定属于负面清单情形："));
        assertThat(actions).extracting(Action::by).containsExactly("街道办事处", "业主委员会");
    }

    @Test
    void noPersonalDataInAnythingAMatchCarries() {
        Member m = member(false, true, true, c(ConductCode.UNAUTHORIZED_SEAL_USE, "2026-09-01"), c(ConductCode.FEE_ARREARS, null));
        String all = MemberLists.negativeList(m, view()) + " " + MemberLists.qualifications(m, view()) + " " + m;
        assertThat(all).doesNotContain("张三", "110105199001011234", "13800000000");
    }
}
