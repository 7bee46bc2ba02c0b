package cn.propertycompliance.review;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.parameters.ParameterEntry;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.ReleaseBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The review report of the repository's release plus the fixture (an INTERPRETATION value and a conflict). */
class ReviewReportTest {

    private static final Release RELEASE = new ReleaseBuilder(RepoRelease.REGIONS)
            .build(ReviewFixture.root().resolve("rules"), ReviewFixture.root().resolve("policies"), "fixture");
    private static final ReviewReportBuilder BUILDER = new ReviewReportBuilder(RepoRelease.REGIONS, new Evaluator(10_000));
    private static final ReviewReport REPORT = BUILDER.build(RELEASE);

    private static ClauseTrace clause(String documentId, String clauseId) {
        return REPORT.documents().stream().filter(d -> d.document().id().equals(documentId))
                .flatMap(d -> d.clauses().stream()).filter(c -> c.clause().id().equals(clauseId)).findFirst().orElseThrow();
    }

    private static List<String> names(List<CaseRun> runs) {
        return runs.stream().map(r -> r.scenario().name()).toList();
    }

    @Test
    void hubeiItem12IsEncodedByTheHubeiRuleAndTestedBothWaysByRunningTheCases() {
        ClauseTrace item12 = clause("hubei-ejw-2021-11", "（十二）");
        assertThat(item12.clause().text()).contains("物业服务企业不得收取公示收费项目以外的费用");
        assertThat(item12.rules()).singleElement().satisfies(t -> {
            assertThat(t.rule().id()).isEqualTo("HB-FEE-UNDISCLOSED-ITEM");
            assertThat(t.rule().message()).isEqualTo("收取了未公示的收费项目：{item}");
            assertThat(names(t.positive())).containsExactly("武汉收取未公示的装修管理费", "两个未公示项目各一条");
            // Before 2021-06-09 the Hubei rule is not in force, so that case tests the national rule, not this one.
            assertThat(names(t.negative())).contains("全部项目已公示").doesNotContain("鄂建文印发前（2021-06-09 前）按价格法第十三条");
        });
        assertThat(item12.covered()).isTrue();
        assertThat(names(item12.positive())).containsExactly("武汉收取未公示的装修管理费", "两个未公示项目各一条");
    }

    @Test
    void theNationalRuleIsPositiveOnlyWhereItWasNotOverridden() {
        RuleTrace national = REPORT.rules().stream().filter(t -> t.rule().id().equals("CN-FEE-UNDISCLOSED-ITEM")).findFirst().orElseThrow();
        assertThat(names(national.positive())).contains("鄂建文印发前（2021-06-09 前）按价格法第十三条")
                .doesNotContain("武汉收取未公示的装修管理费");
        assertThat(national.negative()).noneMatch(run -> run.layers().contains("420000") && !run.asOf().isBefore(java.time.LocalDate.of(2021, 6, 9)));
    }

    @Test
    void aClauseReachedOnlyThroughAParameterValueNamesTheRulesThatUsedIt() {
        ClauseTrace baiyin = clause("baiyin-fee-guidance-2021", "答复");
        assertThat(baiyin.rules()).isEmpty();
        assertThat(baiyin.viaParameter()).extracting(t -> t.rule().id()).contains("CN-FEE-ABOVE-GUIDANCE-BAND");
        assertThat(baiyin.parameters()).isNotEmpty();
        assertThat(baiyin.positive()).isNotEmpty();
        assertThat(baiyin.negative()).allMatch(run -> run.layers().contains("620400"));
    }

    @Test
    void pendingInterpretationAndSecondaryValuesAreListedForAttention() {
        Attention a = REPORT.attention();
        assertThat(a.pending()).anySatisfy(e -> {
            assertThat(e.table()).isEqualTo("fee.guidancePrice");
            assertThat(e.jurisdiction()).isEqualTo("211100");
            assertThat(e.note()).contains("盘锦");
        });
        assertThat(a.interpretations()).anySatisfy(e -> {
            assertThat(e.cite()).extracting(Object::toString).contains("liaoning-work-points-2021#第2点");
            assertThat(e.note()).contains("较大比例");
        });
        assertThat(a.interpretations()).allMatch(e -> e.status() == cn.propertycompliance.parameters.ParameterStatus.INTERPRETATION);
        assertThat(a.secondaryValues()).extracting(ParameterEntry::jurisdiction).contains("620400");
        assertThat(a.secondaryDocuments()).extracting(d -> d.id()).contains("maintenance-fund-measures", "baiyin-fee-guidance-2021");
        assertThat(a.gaps()).anySatisfy(g -> assertThat(g.ref()).isEqualTo("civil-code-general#第二百条"));
        assertThat(a.gaps()).noneMatch(ClauseTrace::encoded);
        assertThat(a.failingCases()).isEmpty();
    }

    @Test
    void everyJurisdictionsSpansAndGapsAreListedPerArea() {
        assertThat(REPORT.lawCoverage()).hasSize(RELEASE.jurisdictions().size() * 4);
        String md = ReportLayout.markdown(REPORT);
        assertThat(md).contains("五、法律覆盖范围与空白")
                .contains("北京市（110000） · 五大备案：2020-05-01 之前未知")
                .contains("辽宁省（210000） · 前期物业服务收费：2021-12-31 之后未知")
                .contains("beijing-property-regulation\\#第一百零四条");
    }

    @Test
    void theDeliberateConflictIsReportedAsTwoLayersAndAsLessStrictAgainstAHigherRankingSource() {
        List<ParameterConflict> fixture = REPORT.conflicts().stream().filter(c -> c.table().equals("reviewFixture.noticeDays")).toList();
        assertThat(fixture).extracting(ParameterConflict::kind)
                .containsExactly(ParameterConflict.Kind.SET_BY_TWO_LAYERS, ParameterConflict.Kind.LESS_STRICT);
        assertThat(fixture).allSatisfy(c -> {
            assertThat(c.broader().jurisdiction()).isEqualTo("210000");
            assertThat(c.narrower().jurisdiction()).isEqualTo("211100");
        });
        assertThat(fixture.get(1).explanation()).contains("days：下级 10，上级 30").contains("政策文件").contains("地方性法规")
                .contains("不得放宽上位标准");
        // The repository's own tables hold no such conflict: a local value filling a PENDING broader entry is not one.
        assertThat(REPORT.conflicts()).allMatch(c -> c.table().startsWith("reviewFixture."));
    }

    @Test
    void ruleOverridesAreListedWithTheLevelsTheyRestOn() {
        assertThat(REPORT.overrides()).anySatisfy(o -> {
            assertThat(o.rule().id()).isEqualTo("HB-FEE-UNDISCLOSED-ITEM");
            assertThat(o.replaced().id()).isEqualTo("CN-FEE-UNDISCLOSED-ITEM");
            assertThat(o.needsReview()).isFalse();
        });
    }

    @Test
    void theSameFilesGiveTheSameReportNamingTheRelease() {
        Release again = new ReleaseBuilder(RepoRelease.REGIONS)
                .build(ReviewFixture.root().resolve("rules"), ReviewFixture.root().resolve("policies"), "fixture");
        ReviewReport second = BUILDER.build(again);
        assertThat(ReportLayout.markdown(second)).isEqualTo(ReportLayout.markdown(REPORT)).contains(RELEASE.id());
        assertThat(ReportLayout.html(second)).isEqualTo(ReportLayout.html(REPORT)).contains(RELEASE.id());
    }

    @Test
    void everyTextIsEscapedInBothOutputs() {
        String html = ReportLayout.html(REPORT);
        assertThat(html).contains("&lt;i&gt;未转义&lt;/i&gt;").doesNotContain("<i>未转义");
        assertThat(ReportLayout.markdown(REPORT)).contains("\\<i\\>未转义\\</i\\>");
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<h1 id=\"top\">规则发布包法制审核报告</h1>")
                .contains("id=\"clause-hubei-ejw-2021-11-（十二）\"").contains("id=\"doc-hubei-ejw-2021-11\"")
                .doesNotContain("<script");
        assertThat(count(html, "<section")).isEqualTo(count(html, "</section>"));
        assertThat(html).contains("<section class=\"sub\" id=\"s2-pending\">", "<section class=\"sub\" id=\"s3-parameters\">");
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void coverageCountsRulesAndCitedClausesWithBothKindsOfCase() {
        Coverage c = REPORT.coverage();
        assertThat(c.rules().whole()).isEqualTo(RELEASE.rules().size());
        assertThat(c.rules().part()).isEqualTo((int) REPORT.rules().stream().filter(RuleTrace::covered).count());
        assertThat(c.uncoveredRules()).noneMatch(RuleTrace::covered);
        assertThat(c.citedClauses().whole()).isEqualTo((int) REPORT.documents().stream()
                .flatMap(d -> d.clauses().stream()).filter(ClauseTrace::encoded).count());
        assertThat(c.summaryLines().get(0)).startsWith("规则覆盖（正向与反向用例齐全）：" + c.rules().part() + "/" + c.rules().whole());
    }
}
