package cn.propertycompliance.releases;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.ruleset.Problem;
import cn.propertycompliance.ruleset.ReleaseBuilder;
import cn.propertycompliance.ruleset.SourceFile;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Checking a candidate collects the problems of every stage: a wrong {@code @cite} (loading) no longer hides a
 * compile error in the same file, nor a broken case file elsewhere.
 */
class AllStageChecksTest {

    private static SourceFile file(String path, String text) {
        return new SourceFile(path, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWrongCiteAndACompileErrorInOneFileAreReportedTogether() {
        List<SourceFile> files = new ArrayList<>(List.of(
                file("policies/test-law.yaml", """
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
                        """),
                file("policies/sources/test.md", "# 测试条例\n\n第一条 物业服务企业不得收取未予标明的费用。\n"),
                file("rules/beijing/jurisdiction.yaml", cn.propertycompliance.CoverageFixture.jurisdiction("110000", "北京市")),
                file("rules/beijing/fee.drl", """
                        package rules.beijing.fee;
                        import cn.propertycompliance.facts.Fee;
                        global cn.propertycompliance.evaluation.FindingCollector findings;

                        rule "BJ-WRONG-CITE"
                            @code("FEE_UNDISCLOSED_ITEM")
                            @cite("test-law#第九十九条")
                            @effective("2020-01-01")
                            @message("x")
                        when
                            Fee( noSuchField == 1 )
                        then
                            findings.add(drools);
                        end
                        """)));
        files.sort(Comparator.comparing(SourceFile::path));
        ReleaseBuilder.Checked checked = new ReleaseBuilder(RegionTable.fromClasspath("regions/gbt2260.csv")).check(files, "t");
        assertThat(checked.release()).isNull();
        assertThat(checked.errors()).extracting(Problem::file).containsOnly("rules/beijing/fee.drl");
        assertThat(checked.errors()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("第九十九条"))
                .anySatisfy(m -> assertThat(m).contains("noSuchField"));
    }
}
