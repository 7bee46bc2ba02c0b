package cn.propertycompliance.evaluation;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.region.Region;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.vocabulary.Action;
import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.vocabulary.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the scenario-case format does not check: who acts and within how many days (actions' {@code by} and
 * {@code within}), through the same parser and evaluator as the API.
 */
class RepairProcedureTest {

    private static final Release RELEASE = RepoRelease.get();
    private static final RequestParser PARSER = new RequestParser(RepoRelease.REGIONS);
    private static final Evaluator EVALUATOR = new Evaluator(10_000);

    private static EvaluationResult evaluate(String json) {
        EvaluationRequest request = PARSER.parse(json.getBytes(StandardCharsets.UTF_8));
        Region region = RepoRelease.REGIONS.resolve(request.region()).orElseThrow();
        return EVALUATOR.evaluate(RELEASE, request, region, request.asOf(), request.effectiveAreas(), false);
    }

    private static String shanghaiLift(String asOf) {
        return """
            {"region": "310101", "asOf": "%s",
             "community": {"id": "SH-P", "completionAcceptanceDate": "2012-06-01", "ownersAssemblyEstablished": true},
             "repair": {"id": "R", "category": "ELEVATOR_FAULT", "component": "ELEVATOR", "cause": "WEAR", "endangersSafety": true,
                        "evidence": [{"type": "INSPECTION_RECTIFICATION_NOTICE", "issuedOn": "2026-10-02"}],
                        "reportedOn": "2026-10-03", "committeeApprovalRequestedOn": "2026-10-13"}}
            """.formatted(asOf);
    }

    private static Finding only(EvaluationResult r, String code) {
        List<Finding> found = r.findings().stream().filter(f -> f.code().equals(code)).toList();
        assertThat(found).as(code).hasSize(1);
        return found.get(0);
    }

    @Test
    void shanghaiDayEightNamesTheDistrictAuthorityAndCitesArticle73() {
        EvaluationResult r = evaluate(shanghaiLift("2026-10-21"));
        Finding proxy = only(r, "REPAIR_PROXY_REPAIR_AVAILABLE");
        assertThat(proxy.actions()).extracting(Action::code, Action::by)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PROXY_REPAIR", "区房屋行政管理部门"));
        assertThat(proxy.citations()).anySatisfy(c -> {
            assertThat(c.document()).isEqualTo("上海市住宅物业管理规定");
            assertThat(c.clause()).startsWith("第七十三条");
            assertThat(c.text()).contains("未在七日内审核同意", "已出现影响房屋正常使用或者居民人身财产安全情形");
        });
        assertThat(proxy.message()).contains("区房屋行政管理部门可以组织代为维修", "第8日");
        Finding eligible = only(r, "REPAIR_EMERGENCY_ELIGIBLE");
        assertThat(eligible.actions()).filteredOn(a -> a.code().equals("AUTHORITY_APPROVAL"))
                .singleElement().satisfies(a -> {
                    assertThat(a.by()).isEqualTo("业主委员会");
                    assertThat(a.within()).isEqualTo(7);
                });
        assertThat(r.areas().get(Area.REPAIR).eligibility()).isEqualTo("EMERGENCY_USE");
    }

    @Test
    void shanghaiDaySevenIsStillTheCommitteesTurn() {
        EvaluationResult r = evaluate(shanghaiLift("2026-10-20"));
        assertThat(r.findings()).extracting(Finding::code).containsExactly("REPAIR_EMERGENCY_ELIGIBLE");
    }

    @Test
    void henanApprovesOnTheDayOfTheApplication() {
        EvaluationResult r = evaluate("""
            {"region": "410102", "asOf": "2026-11-01",
             "community": {"id": "HEN-P", "completionAcceptanceDate": "2015-06-01"},
             "repair": {"id": "R", "category": "RAILING_DAMAGE", "component": "FINISHING", "cause": "WEAR", "endangersSafety": true}}
            """);
        Finding eligible = only(r, "REPAIR_EMERGENCY_ELIGIBLE");
        assertThat(eligible.actions()).filteredOn(a -> a.code().equals("AUTHORITY_APPROVAL")).singleElement()
                .satisfies(a -> {
                    assertThat(a.by()).isEqualTo("物业管理行政主管部门");
                    assertThat(a.within()).isZero();
                });
        assertThat(eligible.actions()).extracting(Action::code).contains("PUBLICIZE_COST");
    }

    @Test
    void aRepairWithoutIdIsReportedOnTheCommunity() {
        EvaluationResult r = evaluate("""
            {"region": "441802", "asOf": "2026-11-01",
             "community": {"id": "CN-P", "completionAcceptanceDate": "2015-06-01"},
             "repair": {"category": "ELEVATOR_FAULT", "component": "ELEVATOR", "cause": "WEAR"}}
            """);
        assertThat(only(r, "REPAIR_EMERGENCY_ELIGIBLE").subject()).isEqualTo("community:CN-P");
    }

    @Test
    void theResponseCarriesReasonLiablePartyAndTheLastDayOfWarranty() throws Exception {
        EvaluationResult r = evaluate("""
            {"region": "510104", "asOf": "2026-05-03",
             "community": {"id": "CN-J", "completionAcceptanceDate": "2021-06-01"},
             "repair": {"id": "R", "category": "ROOF_OR_WALL_LEAK", "component": "ROOF_WATERPROOFING", "cause": "WEAR",
                        "reportedOn": "2026-05-01"}}
            """);
        String json = RequestParser.JSON.writeValueAsString(r);
        assertThat(json).contains("\"eligibility\":\"NOT_FUNDABLE\"", "\"reason\":\"WITHIN_WARRANTY\"",
                "\"liableParty\":\"DEVELOPER_OR_CONTRACTOR\"", "\"warrantyLastDay\":\"2026-06-01\"");
    }
}
