package cn.propertycompliance.committee;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.evaluation.EvaluationRequest;
import cn.propertycompliance.evaluation.EvaluationResult;
import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.evaluation.RequestParser;
import cn.propertycompliance.region.Region;
import cn.propertycompliance.vocabulary.Action;
import cn.propertycompliance.vocabulary.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The "done" check with who acts: the same member facts give the Beijing consequences in 110105, the
 * Zhengzhou ones in 410100, the Hubei ones in 420100 — and nothing where the conduct is not listed.
 */
class CommitteeConsequencesTest {

    private static final Evaluator EVALUATOR = new Evaluator(10_000);
    private static final RequestParser PARSER = new RequestParser(RepoRelease.REGIONS);

    static EvaluationResult evaluate(String region, String conduct) {
        String body = """
                {"region": "%s", "asOf": "2026-11-01", "community": {"id": "C-1", "households": 600},
                 "committee": {"members": [
                   {"id": "m-01", "role": "CHAIR", "partyMember": true, "owner": true,
                    "conduct": [{"code": "%s", "date": "2026-09-01"}]},
                   {"id": "m-02", "partyMember": true}, {"id": "m-03", "partyMember": true},
                   {"id": "m-04", "partyMember": false}, {"id": "m-05", "partyMember": false}]}}
                """.formatted(region, conduct);
        EvaluationRequest request = PARSER.parse(body.getBytes(StandardCharsets.UTF_8));
        Region r = RepoRelease.REGIONS.resolve(region).orElseThrow();
        return EVALUATOR.evaluate(RepoRelease.get(), request, r, request.asOf(), request.effectiveAreas(), false);
    }

    static Finding only(EvaluationResult result) {
        assertThat(result.findings()).hasSize(1);
        return result.findings().get(0);
    }

    @Test
    void beijing() {
        Finding f = only(evaluate("110105", "UNAUTHORIZED_SEAL_USE"));
        assertThat(f.code()).isEqualTo("COMMITTEE_MEMBER_NEGATIVE_LIST");
        assertThat(f.subject()).isEqualTo("member:m-01");
        assertThat(f.actions()).extracting(Action::code, Action::by).containsExactly(
                tuple("PROPOSE_REMOVAL", "街道办事处、乡镇人民政府"),
                tuple("SUSPEND_DUTIES", "业主委员会"),
                tuple("PUBLIC_NOTICE", "业主委员会"));
        assertThat(f.details().get("items").toString()).isEqualTo("第四十七条第一款第（四）项“擅自使用业主大会、业主委员会印章”");
    }

    @Test
    void zhengzhou() {
        Finding f = only(evaluate("410100", "UNAUTHORIZED_SEAL_USE"));
        assertThat(f.code()).isEqualTo("COMMITTEE_MEMBER_NEGATIVE_LIST");
        assertThat(f.actions()).extracting(Action::code, Action::by).containsExactly(
                tuple("SUSPEND_DUTIES", "街道办事处、乡镇人民政府"),
                tuple("PROPOSE_REMOVAL", "业主委员会"));
        assertThat(f.details().get("items").toString()).isEqualTo("第二十四条第一款第（九）项“擅自使用业主大会印章、业主委员会印章”");
    }

    @Test
    void hubeiWithItsListPending() {
        Finding f = only(evaluate("420100", "UNAUTHORIZED_SEAL_USE"));
        assertThat(f.code()).isEqualTo("PARAMETER_UNAVAILABLE");
        assertThat(f.severity().name()).isEqualTo("INDETERMINATE");
        assertThat(f.actions()).extracting(Action::code, Action::by).containsExactly(
                tuple("SUSPEND_DUTIES", "街道(乡镇)、社区"),
                tuple("PROPOSE_REMOVAL", "街道(乡镇)、社区"),
                tuple("PUBLIC_NOTICE", "街道(乡镇)、社区"));
        assertThat(f.actions()).allSatisfy(a -> assertThat(a.message()).startsWith("如经认定属于负面清单情形"));
    }

    @Test
    void aConductNotOnTheLocalListGivesNothing() {
        assertThat(evaluate("110105", "FUND_ARREARS").findings()).isEmpty();
        assertThat(evaluate("330106", "UNAUTHORIZED_CONTRACT").findings()).isEmpty();
        assertThat(evaluate("310101", "UNAUTHORIZED_SEAL_USE").findings()).isEmpty();
        // 太原: no local list is encoded, and the city's own texts are not held — not "nothing", but not covered.
        assertThat(evaluate("140105", "UNAUTHORIZED_SEAL_USE").findings()).extracting(Finding::code).containsExactly("LAW_NOT_COVERED");
        // …while the same code is listed elsewhere: in 郑州 on both the city's list (第二十四条) and Henan's (第三十一条).
        // One rule reads every layer's list; each finding names its own text.
        assertThat(evaluate("410100", "FUND_ARREARS").findings())
                .extracting(Finding::code, Finding::ruleId, f -> f.message().contains("郑州市物业管理条例第二十四条") ? "郑州"
                        : f.message().contains("河南省物业管理条例第三十一条") ? "河南" : f.message())
                .containsExactlyInAnyOrder(
                        tuple("COMMITTEE_MEMBER_NEGATIVE_LIST", "CN-COMMITTEE-NEGATIVE-LIST", "郑州"),
                        tuple("COMMITTEE_MEMBER_NEGATIVE_LIST", "CN-COMMITTEE-NEGATIVE-LIST", "河南"));
    }

    @Test
    void everyCitationShowsItsClauseText() {
        for (String region : List.of("110105", "410100", "420100", "330106")) {
            assertThat(only(evaluate(region, "UNAUTHORIZED_SEAL_USE")).citations())
                    .isNotEmpty().allSatisfy(c -> assertThat(c.text()).isNotBlank());
        }
    }
}
