package cn.propertycompliance.evaluation;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.committee.ListedItem;
import cn.propertycompliance.committee.ListedItems;
import cn.propertycompliance.region.Region;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.vocabulary.Action;
import cn.propertycompliance.vocabulary.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A province's and a city's negative lists add up (山东 第三十四条 + 淄博 第三十三条; 河南 第三十一条 + 郑州 第二十四条): what the
 * scenario-case format does not check — each finding's items with their mapping status, and who acts under each text.
 */
class LayeredNegativeListsTest {

    private static final Release RELEASE = RepoRelease.get();
    private static final RequestParser PARSER = new RequestParser(RepoRelease.REGIONS);
    private static final Evaluator EVALUATOR = new Evaluator(10_000);

    private static List<Finding> negativeList(String region, String conduct) {
        String json = """
            {"region": "%s", "asOf": "2026-11-01", "community": {"id": "L-1"},
             "committee": {"members": [{"id": "m-01", "conduct": [{"code": "%s", "date": "2026-09-01"}]},
                                       {"id": "m-02"}, {"id": "m-03"}, {"id": "m-04"}, {"id": "m-05"}]}}
            """.formatted(region, conduct);
        EvaluationRequest request = PARSER.parse(json.getBytes(StandardCharsets.UTF_8));
        Region r = RepoRelease.REGIONS.resolve(request.region()).orElseThrow();
        return EVALUATOR.evaluate(RELEASE, request, r, request.asOf(), request.effectiveAreas(), false).findings().stream()
                .filter(f -> f.code().equals("COMMITTEE_MEMBER_NEGATIVE_LIST")).toList();
    }

    /** The finding under one layer's text: one national rule reads every layer's list, the message names the article. */
    private static Finding underText(List<Finding> findings, String article) {
        return findings.stream().filter(f -> f.message().contains(article)).findFirst()
                .orElseThrow(() -> new AssertionError(article + " in " + findings));
    }

    private static List<String> texts(List<Finding> findings) {
        assertThat(findings).extracting(Finding::ruleId).containsOnly("CN-COMMITTEE-NEGATIVE-LIST");
        return findings.stream().map(f -> f.message().contains("淄博市物业管理条例第三十三条") ? "淄博"
                : f.message().contains("山东省物业管理条例第三十四条") ? "山东"
                : f.message().contains("郑州市物业管理条例第二十四条") ? "郑州"
                : f.message().contains("河南省物业管理条例第三十一条") ? "河南" : f.message()).toList();
    }

    private static List<ListedItem> items(Finding f) {
        return ((ListedItems) f.details().get("items")).list();
    }

    @Test
    void illegalConstructionInZiboFallsUnderBothTextsEachWithItsOwnProcedure() {
        List<Finding> found = negativeList("370303", "ILLEGAL_CONSTRUCTION");
        assertThat(texts(found)).containsExactlyInAnyOrder("淄博", "山东");

        Finding zibo = underText(found, "淄博市物业管理条例第三十三条");
        assertThat(items(zibo)).singleElement().satisfies(i -> {
            assertThat(i.item()).isEqualTo("第三十三条第一款第（九）项");
            assertThat(i.status()).isEqualTo("INTERPRETATION");
            assertThat(i.note()).contains("第三十四条第（四）项");
        });
        assertThat(zibo.actions()).extracting(Action::code, Action::by)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PROPOSE_REMOVAL", "街道办事处、镇人民政府"));
        assertThat(zibo.actions().get(0).message()).startsWith("情节严重的");
        // Zibo's own clause and consequence; the reading's basis (山东 第三十四条第（四）项) is cited too, not 山东's procedure.
        assertThat(zibo.citations()).extracting(c -> c.document() + c.clause())
                .contains("淄博市物业管理条例第三十三条第一款第（九）项", "淄博市物业管理条例第三十三条第二款",
                        "山东省物业管理条例第三十四条第（四）项")
                .doesNotContain("山东省物业管理条例第三十四条");

        Finding shandong = underText(found, "山东省物业管理条例第三十四条");
        assertThat(items(shandong)).singleElement().satisfies(i -> {
            assertThat(i.item()).isEqualTo("第三十四条第（四）项");
            assertThat(i.status()).isEqualTo("OFFICIAL");
        });
        assertThat(shandong.actions()).extracting(Action::code, Action::by)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("PROPOSE_REMOVAL", "业主大会或者业主委员会根据业主大会的授权"));
        assertThat(shandong.citations()).extracting(c -> c.document()).containsOnly("山东省物业管理条例");
        assertThat(shandong.message()).contains("山东省物业管理条例第三十四条", "违章搭建");
    }

    @Test
    void fundArrearsInZhengzhouFallsUnderBothTexts() {
        List<Finding> found = negativeList("410102", "FUND_ARREARS");
        Finding city = underText(found, "郑州市物业管理条例第二十四条");
        assertThat(items(city)).extracting(ListedItem::item, ListedItem::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("第二十四条第一款第（七）项", "OFFICIAL"));
        assertThat(city.actions()).extracting(Action::code).containsExactly("SUSPEND_DUTIES", "PROPOSE_REMOVAL");
        Finding province = underText(found, "河南省物业管理条例第三十一条");
        assertThat(items(province)).extracting(ListedItem::item, ListedItem::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("第三十一条第（一）项", "INTERPRETATION"));
        assertThat(province.actions()).extracting(Action::by).containsExactly("业主委员会三分之一以上组成人员或者百分之二十以上的业主");
        assertThat(found).hasSize(2);
    }

    @Test
    void aConductOnlyTheCityListsGivesOnlyTheCitysFinding() {
        assertThat(texts(negativeList("370303", "UNAUTHORIZED_SEAL_USE"))).containsExactly("淄博");
        assertThat(texts(negativeList("410102", "UNAUTHORIZED_SEAL_USE"))).containsExactly("郑州");
        assertThat(texts(negativeList("370303", "REFUSE_DUTIES"))).containsExactly("山东");
    }
}
