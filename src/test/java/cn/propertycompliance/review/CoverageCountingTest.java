package cn.propertycompliance.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Positive, negative and coverage on a release small enough to check by hand: rule A (第一条) fires in one case and
 * is asserted absent in two; rule B (第二条) never fires; 第三条 is cited by nothing; one case fails.
 */
class CoverageCountingTest {

    @TempDir
    Path root;

    private static final String POLICY = """
            id: test-law
            title: 测试条例
            issuer: 测试机关
            level: 地方性法规
            jurisdiction: "110000"
            effective: 2020-01-01
            sourceStatus: OFFICIAL
            source: sources/test.md
            clauses:
              - id: 第一条
                text: 物业服务企业不得收取未予标明的费用。
              - id: 第二条
                text: 物业服务收费应当与服务水平相适应。
              - id: 第三条
                text: 本条例自2020年1月1日起施行。
            """;

    private static final String RULES = """
            package rules.test;
            import cn.propertycompliance.facts.Fee;
            import cn.propertycompliance.facts.Fee.ChargedItem;
            global cn.propertycompliance.evaluation.FindingCollector findings;

            rule "T-A"
                @code("FEE_UNDISCLOSED_ITEM")
                @cite("test-law#第一条")
                @effective("2020-01-01")
                @message("收取了未标明的{item}")
            when
                $fee : Fee( publicizedItems != null )
                ChargedItem( $name : name, name not memberOf $fee.publicizedItems )
            then
                findings.add(drools).detail("item", $name);
            end

            rule "T-B"
                @code("FEE_QUALITY_BELOW_PRICE_TIER")
                @cite("test-law#第二条")
                @effective("2020-01-01")
                @message("质价不符")
            when
                $fee : Fee( serviceLevel != null, assessedServiceLevel != null, assessedServiceLevel < serviceLevel )
            then
                findings.add(drools);
            end
            """;

    private static final String CASES = """
            cases:
              - name: 甲 A 产生结论
                request: {region: "110101", asOf: 2021-01-01, community: {id: C-1}, fee: {publicizedItems: [], chargedItems: [{name: 装修费}]}}
                expect:
                  findings: [{code: FEE_UNDISCLOSED_ITEM, ruleId: T-A}]
              - name: 乙 完整断言无结论
                request: {region: "110101", asOf: 2021-01-01, community: {id: C-2}, fee: {publicizedItems: [装修费], chargedItems: [{name: 装修费}]}}
                expect:
                  findings: []
              - name: 丙 不完整断言且未列 absent
                request: {region: "110101", asOf: 2021-01-01, community: {id: C-3}, fee: {publicizedItems: [装修费], chargedItems: [{name: 装修费}]}}
                expect:
                  exhaustive: false
                  findings: []
              - name: 丁 absent 断言
                request: {region: "110101", asOf: 2021-01-01, community: {id: C-4}, fee: {publicizedItems: [装修费], chargedItems: [{name: 装修费}]}}
                expect:
                  exhaustive: false
                  absent: [FEE_UNDISCLOSED_ITEM]
              - name: 戊 上海不适用北京规则
                request: {region: "310101", asOf: 2021-01-01, community: {id: C-5}, fee: {publicizedItems: [], chargedItems: []}}
                expect:
                  findings: []
              - name: 己 施行前
                request: {region: "110101", asOf: 2019-12-31, community: {id: C-6}, fee: {publicizedItems: [], chargedItems: []}}
                expect:
                  findings: []
              - name: 庚 未通过的用例
                request: {region: "110101", asOf: 2021-01-01, community: {id: C-7}, fee: {publicizedItems: [], chargedItems: [{name: 电梯费}]}}
                expect:
                  findings: []
            """;

    @BeforeEach
    void files() throws IOException {
        write("policies/test-law.yaml", POLICY);
        write("policies/sources/test.md", "第一条 物业服务企业不得收取未予标明的费用。\n第二条 物业服务收费应当与服务水平相适应。\n"
                + "第三条 本条例自2020年1月1日起施行。\n");
        write("rules/beijing/jurisdiction.yaml", cn.propertycompliance.CoverageFixture.jurisdiction("110000", "北京市"));
        write("rules/shanghai/jurisdiction.yaml", cn.propertycompliance.CoverageFixture.jurisdiction("310000", "上海市"));
        write("rules/beijing/fee.drl", RULES);
        write("rules/beijing/cases/fee.yaml", CASES);
    }

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private ReviewReport report() {
        return new ReviewReportBuilder(cn.propertycompliance.RepoRelease.REGIONS, new cn.propertycompliance.evaluation.Evaluator(10_000))
                .build(root.resolve("rules"), root.resolve("policies"), null);
    }

    private static List<String> names(List<CaseRun> runs) {
        return runs.stream().map(r -> r.scenario().name()).toList();
    }

    @Test
    void positiveAndNegativeCasesAreDecidedByRunningThem() {
        ReviewReport report = report();
        RuleTrace a = report.rules().get(0);
        RuleTrace b = report.rules().get(1);
        assertThat(a.rule().id()).isEqualTo("T-A");
        assertThat(names(a.positive())).containsExactly("甲 A 产生结论");
        // 丙 does not assert the absence; 戊 is another jurisdiction; 己 is before @effective; 庚 fails.
        assertThat(names(a.negative())).containsExactly("乙 完整断言无结论", "丁 absent 断言");
        assertThat(names(b.positive())).isEmpty();
        assertThat(names(b.negative())).containsExactly("甲 A 产生结论", "乙 完整断言无结论");
        assertThat(report.attention().failingCases()).extracting(r -> r.scenario().name()).containsExactly("庚 未通过的用例");
    }

    @Test
    void coverageIsOneOfTwoRulesAndOneOfTwoCitedClauses() {
        Coverage c = report().coverage();
        assertThat(c.rules()).isEqualTo(new Share(1, 2));
        assertThat(c.citedClauses()).isEqualTo(new Share(1, 2));
        assertThat(c.summaryLines()).containsExactly("规则覆盖（正向与反向用例齐全）：1/2（50.0%）",
                "被引条款覆盖（正向与反向用例齐全）：1/2（50.0%）", "用例：7 个，未通过 1 个");
        assertThat(c.uncoveredRules()).extracting(t -> t.rule().id()).containsExactly("T-B");
        assertThat(c.uncoveredClauses()).extracting(ClauseTrace::ref).containsExactly("test-law#第二条");
    }

    @Test
    void aClauseNothingCitesIsAGap() {
        assertThat(report().attention().gaps()).extracting(ClauseTrace::ref).containsExactly("test-law#第三条");
    }

    @Test
    void theCommandWritesTheReportPrintsTheFiguresAndSaysWhenACaseFails() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path md = root.resolve("out/report.md");
        int status = ReviewReportCommand.run(new String[] {"--rules", root.resolve("rules").toString(), "--policies",
                root.resolve("policies").toString(), "--out", md.toString(), "--html", root.resolve("out/report.html").toString()},
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertThat(status).isEqualTo(2);
        assertThat(printed).contains("规则覆盖（正向与反向用例齐全）：1/2（50.0%）", "被引条款覆盖（正向与反向用例齐全）：1/2（50.0%）");
        assertThat(Files.readString(md)).startsWith("# 规则发布包法制审核报告").contains("T-A").contains("庚 未通过的用例");
        assertThat(Files.readString(root.resolve("out/report.html"))).contains("<h1 id=\"top\">");
    }

    @Test
    void filesThatDoNotBuildGiveAReportOfTheirProblemsWithTheDanglingOverrideUnderConflicts() throws IOException {
        write("rules/beijing/fee.drl", RULES.replace("    @cite(\"test-law#第二条\")", "    @cite(\"test-law#第二条\")\n    @overrides(\"CN-NOPE\")"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Path md = root.resolve("out/report.md");
        int status = ReviewReportCommand.run(new String[] {"--rules", root.resolve("rules").toString(), "--policies",
                root.resolve("policies").toString(), "--out", md.toString()}, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(status).isEqualTo(1);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("发布包无法生成").contains("@overrides(\"CN-NOPE\") names no rule");
        String report = Files.readString(md);
        assertThat(report).contains("## 发布包无法生成").contains("## 三、跨层冲突")
                .contains("rules/beijing/fee.drl:18").contains("sha256:");
        assertThat(report.substring(report.indexOf("## 三、跨层冲突"))).contains("CN-NOPE");
    }
}
