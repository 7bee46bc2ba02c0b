package cn.propertycompliance.ruleset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.propertycompliance.RepoRelease;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What an officer sees when a rule, table or policy file is wrong: the release refuses, naming file and line. */
class ReleaseBuilderTest {

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
            """;

    private static final String GOOD_RULE = """
            package rules.test;
            import cn.propertycompliance.facts.Fee;
            global cn.propertycompliance.evaluation.FindingCollector findings;

            rule "T-FEE-ITEM"
                @code("FEE_UNDISCLOSED_ITEM")
                @cite("test-law#第一条")
                @effective("2020-01-01")
                @message("收取了{item}")
            when
                $fee : Fee( publicizedItems != null )
            then
                findings.add(drools).detail("item", "x");
            end
            """;

    @BeforeEach
    void files() throws IOException {
        write("policies/test-law.yaml", POLICY);
        write("policies/sources/test.md", "# 测试条例\n\n第一条 物业服务企业不得收取未予标明的费用。\n");
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
            String message = e.getMessage();
            for (String part : expectedProblemParts) {
                assertThat(message).contains(part);
            }
        });
    }

    @Test
    void aValidReleaseCompilesWithItsMetadata() throws IOException {
        write("rules/beijing/fee.drl", GOOD_RULE);
        Release release = build();
        assertThat(release.id()).startsWith("sha256:").hasSize(71);
        RuleMeta rule = release.rule("T-FEE-ITEM").orElseThrow();
        assertThat(rule.jurisdiction()).isEqualTo("110000");
        assertThat(rule.citations()).singleElement().satisfies(c -> {
            assertThat(c.document()).isEqualTo("测试条例");
            assertThat(c.text()).isEqualTo("物业服务企业不得收取未予标明的费用。");
        });
    }

    @Test
    void theReleaseIdIsTheHashOfTheFilesAndNothingElse() throws IOException {
        write("rules/beijing/fee.drl", GOOD_RULE);
        String first = build().id();
        assertThat(build().id()).isEqualTo(first);
        write("rules/beijing/fee.drl", GOOD_RULE.replace("收取了", "收取了 "));
        assertThat(build().id()).isNotEqualTo(first);
    }

    @Test
    void aRuleWithoutCiteIsRefusedWithFileAndLine() throws IOException {
        write("rules/beijing/fee.drl", GOOD_RULE.replace("    @cite(\"test-law#第一条\")\n", ""));
        assertRefused("rules/beijing/fee.drl:5:", "T-FEE-ITEM has no @cite");
    }

    @Test
    void aCiteOfAMissingClauseOrDocumentIsRefused() throws IOException {
        write("rules/beijing/fee.drl", GOOD_RULE.replace("test-law#第一条", "test-law#第九十九条"));
        assertRefused("rules/beijing/fee.drl:5:", "document test-law has no clause 第九十九条");
        write("rules/beijing/fee.drl", GOOD_RULE.replace("test-law#第一条", "no-such-law#第一条"));
        assertRefused("(no document no-such-law)");
    }

    @Test
    void aDrlCompileErrorIsReportedAtItsLine() throws IOException {
        write("rules/beijing/fee.drl", GOOD_RULE.replace("publicizedItems != null", "noSuchField != null"));
        assertRefused("rules/beijing/fee.drl:", "noSuchField");
    }

    @Test
    void unknownCodesMissingDatesAndDanglingOverridesAreRefused() throws IOException {
        write("rules/beijing/fee.drl", GOOD_RULE.replace("FEE_UNDISCLOSED_ITEM", "FEE_SOMETHING")
                .replace("    @effective(\"2020-01-01\")\n", "    @overrides(\"CN-NOPE\")\n"));
        assertRefused("@code must name a finding code", "has no @effective", "@overrides(\"CN-NOPE\") names no rule");
    }

    @Test
    void rulesMayNotReachOutsideTheFacts() throws IOException {
        write("rules/beijing/fee.drl", GOOD_RULE.replace("findings.add(drools).detail(\"item\", \"x\");",
                "System.exit(0);"));
        assertRefused("rules/beijing/fee.drl:13:", "statement not starting with findings.add(drools): System.exit(0);");
        write("rules/beijing/fee.drl", GOOD_RULE.replace("import cn.propertycompliance.facts.Fee;",
                "import cn.propertycompliance.facts.Fee;\nimport java.io.File;"));
        assertRefused("rules/beijing/fee.drl:3: import java.io.File (allowed: classes of");
        write("rules/beijing/fee.drl", GOOD_RULE.replace("findings.add(drools).detail(\"item\", \"x\");",
                "findings.add(drools); insert(new Object());"));
        assertRefused("rules/beijing/fee.drl:13:", "statement not starting with findings.add(drools): insert(new Object());");
    }

    @Test
    void aClauseTextThatIsNotVerbatimInItsSourceIsRefused() throws IOException {
        write("rules/beijing/fee.drl", GOOD_RULE);
        write("policies/test-law.yaml", POLICY.replace("不得收取未予标明的费用", "不得收取未标明的费用"));
        assertRefused("policies/test-law.yaml:", "clause 第一条 is not word for word in sources/test.md");
    }

    @Test
    void aDocumentWithoutEffectiveDateIsRefused() throws IOException {
        write("policies/test-law.yaml", POLICY.replace("effective: 2020-01-01\n", ""));
        assertRefused("policies/test-law.yaml:1: document has no effective date");
    }

    @Test
    void parameterTablesAreCheckedEntryByEntry() throws IOException {
        write("rules/beijing/parameters/t.yaml", """
                parameter: t.days
                keys: [filing]
                entries:
                  - key: {filing: SERVICE_CONTRACT}
                    value: {days: 15}
                    effectiveFrom: 2020-05-01
                    status: OFFICIAL
                    cite: ["test-law#第一条"]
                  - key: {filing: SERVICE_CONTRACT}
                    value: {days: 30}
                    effectiveFrom: 2021-01-01
                    status: OFFICIAL
                    cite: ["test-law#第二条"]
                  - key: {filing: OWNER_COMMITTEE}
                    value: {days: 30}
                    effectiveFrom: 2020-05-01
                    status: PENDING
                    cite: ["test-law#第一条"]
                """);
        assertRefused("rules/beijing/parameters/t.yaml:9: cite 'test-law#第二条' names no clause",
                "rules/beijing/parameters/t.yaml:14: a PENDING entry has no value");
    }

    @Test
    void overlappingValuesOfOneLayerAreRefused() throws IOException {
        write("rules/beijing/parameters/t.yaml", """
                parameter: t.days
                keys: []
                entries:
                  - value: 15
                    effectiveFrom: 2020-05-01
                    status: OFFICIAL
                    cite: ["test-law#第一条"]
                  - value: 30
                    effectiveFrom: 2021-01-01
                    status: OFFICIAL
                    cite: ["test-law#第一条"]
                """);
        assertRefused("rules/beijing/parameters/t.yaml:8:", "overlapping dates at rules/beijing/parameters/t.yaml:4");
    }

    @Test
    void aJurisdictionMustBeARealDivisionAndFilesNeedOne() throws IOException {
        write("rules/nowhere/jurisdiction.yaml", "code: \"999999\"\n");
        write("rules/loose/fee.drl", GOOD_RULE);
        assertRefused("rules/nowhere/jurisdiction.yaml:1: code '999999' is not a GB/T 2260", "rules/loose/fee.drl:1: no jurisdiction.yaml");
    }

    @Test
    void unknownFieldsInYamlAreErrorsWithTheirLine() throws IOException {
        write("policies/test-law.yaml", POLICY.replace("issuer: 测试机关", "issuer: 测试机关\nisuer: typo"));
        assertRefused("policies/test-law.yaml:4: unknown field 'isuer'");
    }
}
