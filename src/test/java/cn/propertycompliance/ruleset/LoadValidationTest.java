package cn.propertycompliance.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.parameters.Stricter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The policy-model checks the legal review relies on: each refusal names file and line. */
class LoadValidationTest {

    @TempDir
    Path root;

    /** A one-clause law other load tests build on. */
    static final String POLICY = """
            id: test-law
            title: 测试条例
            issuer: 测试机关
            level: 地方性法规
            jurisdiction: "110000"
            effective: 2020-01-01
            validity: 现行有效
            sourceStatus: OFFICIAL
            source: sources/test.md
            clauses:
              - id: 第一条
                text: 物业服务企业不得收取未予标明的费用。
            """;

    static final String POLICY_SOURCE = "# 测试条例\n\n第一条 物业服务企业不得收取未予标明的费用。\n";

    private static final String CASE = """
            cases:
              - name: 一个用例
                request: {region: "110101", asOf: 2021-01-01, community: {id: C-1}, fee: {publicizedItems: [], chargedItems: []}}
                expect:
                  findings:
                    - {code: FEE_UNDISCLOSED_ITEM, cites: ["test-law#第二条"]}
            """;

    @BeforeEach
    void files() throws IOException {
        write("policies/test-law.yaml", POLICY);
        write("policies/sources/test.md", POLICY_SOURCE);
        write("rules/beijing/jurisdiction.yaml", cn.propertycompliance.CoverageFixture.jurisdiction("110000", "北京市"));
    }

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Release build() {
        return new ReleaseBuilder(RepoRelease.REGIONS).build(root.resolve("rules"), root.resolve("policies"), null);
    }

    private void assertRefused(String... expectedProblemParts) {
        assertThatThrownBy(this::build).isInstanceOf(ReleaseException.class).satisfies(e -> {
            for (String part : expectedProblemParts) {
                assertThat(e.getMessage()).contains(part);
            }
        });
    }

    /** A rule whose clause is the entry it reports (issue 10: one rule for local texts, no invented national clause). */
    private static final String CITE_FROM_RULE = """
            package rules.beijing.fee;
            import cn.propertycompliance.fee.LayerAdjustment;
            global cn.propertycompliance.evaluation.FindingCollector findings;
            rule "T-CITE-FROM"
                @code("FEE_UNILATERAL_ADJUSTMENT")
                @citeFrom("%s")
                @effective("2020-01-01")
                @message("由{fromPrice}元调整为{toPrice}元")
            when
                $c : LayerAdjustment()
            then
                findings.add(drools).about($c);
            end
            """;

    @Test
    void aRuleMayCiteThroughATableOnlyIfTheTableExists() throws IOException {
        write("rules/beijing/fee.drl", CITE_FROM_RULE.formatted("fee.noSuchTable"));
        assertRefused("rules/beijing/fee.drl:4:", "@citeFrom(\"fee.noSuchTable\") names no parameter table");
    }

    @Test
    void aRuleCitingThroughAnExistingTableLoadsWithoutACiteOfItsOwn() throws IOException {
        write("rules/beijing/fee.drl", CITE_FROM_RULE.formatted("fee.unilateralAdjustment"));
        write("rules/beijing/parameters/fee-unilateral-adjustment.yaml", """
                parameter: fee.unilateralAdjustment
                title: 擅自调整收费标准
                keys: []
                entries:
                  - value: {finding: 未经业主同意, actions: []}
                    effectiveFrom: 2020-01-01
                    status: OFFICIAL
                    cite: ["test-law#第一条"]
                """);
        assertThat(build().rules()).filteredOn(r -> r.id().equals("T-CITE-FROM")).singleElement()
                .satisfies(r -> assertThat(r.cite()).isEmpty());
    }

    @Test
    void theFixtureItselfLoads() {
        assertThat(build().policies().document("test-law")).isPresent();
    }

    @Test
    void aJurisdictionMustDeclareTheCoverageOfEveryArea() throws IOException {
        write("rules/beijing/jurisdiction.yaml", """
                code: "110000"
                name: 北京市
                coverage:
                  FEE: {from: 2020-05-01, before: {held: UNKNOWN}}
                  FILING: {from: 2020-05-01}
                  COMMITTEE: {from: 2020-05-01, before: {held: NONE}}
                  REPAIRS: {held: UNKNOWN}
                """);
        assertRefused("rules/beijing/jurisdiction.yaml:3: coverage: area REPAIR is not declared",
                "rules/beijing/jurisdiction.yaml:7: coverage: unknown area 'REPAIRS'",
                "rules/beijing/jurisdiction.yaml:5: coverage.FILING: `before` is required",
                "rules/beijing/jurisdiction.yaml:6: coverage.COMMITTEE: before: NONE (no local rule existed) needs the `cite`");
    }

    @Test
    void coverageCitationsMustNameClausesAndInterpretationsTheirReading() throws IOException {
        write("rules/beijing/jurisdiction.yaml", """
                code: "110000"
                name: 北京市
                coverage:
                  FEE: {from: 2020-05-01, cite: ["test-law#第九条"], before: {held: UNKNOWN}}
                  FILING: {from: 2020-05-01, status: INTERPRETATION, before: {held: UNKNOWN}}
                  COMMITTEE: {held: BROADER}
                  REPAIR: {held: SOMETIMES}
                """);
        assertRefused("rules/beijing/jurisdiction.yaml:4: coverage.FEE: cite 'test-law#第九条' names no clause",
                "rules/beijing/jurisdiction.yaml:5: coverage.FILING: an INTERPRETATION span needs its reading in `note`",
                "rules/beijing/jurisdiction.yaml:7: coverage.REPAIR: held: held must be BROADER, NONE or UNKNOWN");
    }

    @Test
    void aValidityOutsideTheFourStatesIsRefusedAtItsLine() throws IOException {
        write("policies/test-law.yaml", POLICY.replace("validity: 现行有效", "validity: 有效"));
        assertRefused("policies/test-law.yaml:7: validity must be one of 现行有效, 已修改, 已废止, 尚未施行 but is '有效'");
    }

    @Test
    void anIdThatIsNotASlugIsRefused() throws IOException {
        write("policies/test-law.yaml", POLICY.replace("id: test-law", "id: Test_Law"));
        assertRefused("policies/test-law.yaml:1: id 'Test_Law' is not an ascii slug");
    }

    @Test
    void aMissingFieldIsReportedAtItsLineWhenItIsThereButEmpty() throws IOException {
        write("policies/test-law.yaml", POLICY.replace("issuer: 测试机关", "issuer: \"\""));
        assertRefused("policies/test-law.yaml:3: issuer is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"第1条", "第一条第（一）款", "第一条（一）项", "第一条第二款第(一)项", "(十二)", "第四点", "第5部分"})
    void clauseIdsThatMisaddressTheTextAreRefused(String badId) throws IOException {
        write("policies/test-law.yaml", POLICY.replace("  - id: 第一条", "  - id: " + badId));
        assertRefused("policies/test-law.yaml:11: clause id '" + badId + "' is not addressed as policies/README.md says");
    }

    @ParameterizedTest
    @ValueSource(strings = {"第一条", "第一百零四条第二款", "第七十三条第一款第（二）项", "第九条第（一）项", "（十二）", "第18点", "第五部分", "答复"})
    void clauseIdsInTheReadmeFormsLoad(String goodId) {
        assertThat(PolicyLoader.wellFormed(goodId)).isTrue();
    }

    @Test
    void aCaseCitingAClauseThatDoesNotExistIsRefusedAtTheCase() throws IOException {
        write("rules/beijing/cases/fee.yaml", CASE);
        assertRefused("rules/beijing/cases/fee.yaml:2: case '一个用例': cites 'test-law#第二条' names no clause in policies/");
    }

    @Test
    void aTableStatesWhichDirectionIsStricterForANumericField() throws IOException {
        write("rules/beijing/parameters/t.yaml", """
                parameter: t.days
                keys: []
                stricter: {days: HIGHER}
                entries:
                  - value: {days: 15}
                    effectiveFrom: 2020-05-01
                    status: OFFICIAL
                    cite: ["test-law#第一条"]
                """);
        assertThat(build().parameters().table("t.days").orElseThrow().stricter()).containsEntry("days", Stricter.HIGHER);
    }

    @Test
    void aStricterDirectionOnTextOrAnUnknownDirectionIsRefused() throws IOException {
        write("rules/beijing/parameters/t.yaml", """
                parameter: t.days
                keys: []
                stricter: {days: HIGHER}
                entries:
                  - value: {days: 十五日}
                    effectiveFrom: 2020-05-01
                    status: OFFICIAL
                    cite: ["test-law#第一条"]
                """);
        assertRefused("rules/beijing/parameters/t.yaml:5: parameter t.days: stricter names 'days' but this value of it is not a number");
        write("rules/beijing/parameters/t.yaml", "parameter: t.days\nkeys: []\nstricter: {days: UP}\nentries: []\n");
        assertRefused("rules/beijing/parameters/t.yaml:3:", "UP");
    }

    @Test
    void twoFilesOfOneTableMayNotDisagreeOnTheDirection() throws IOException {
        write("rules/national/jurisdiction.yaml", cn.propertycompliance.CoverageFixture.jurisdiction("000000", "全国"));
        write("rules/national/parameters/t.yaml", "parameter: t.days\nkeys: []\nstricter: {days: HIGHER}\nentries: []\n");
        write("rules/beijing/parameters/t.yaml", "parameter: t.days\nkeys: []\nstricter: {days: LOWER}\nentries: []\n");
        assertRefused("rules/national/parameters/t.yaml:3: parameter t.days: stricter days is LOWER elsewhere but HIGHER here");
    }
}
