package cn.propertycompliance.ruleset;

import cn.propertycompliance.evaluation.EvaluationRequest;
import cn.propertycompliance.evaluation.EvaluationResult;
import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.facts.Community;
import cn.propertycompliance.facts.Fee;
import cn.propertycompliance.region.Region;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.vocabulary.Area;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;

/** The smallest valid set of files: one national jurisdiction and one cited clause, for rule files under test. */
final class NationalTestTree {

    private NationalTestTree() {
    }

    static void write(Path root) throws IOException {
        write(root, "policies/test-law.yaml", """
                id: test-law
                title: 测试条例
                issuer: 测试机关
                level: 法律
                jurisdiction: "000000"
                effective: 2020-01-01
                sourceStatus: OFFICIAL
                source: sources/test.md
                clauses:
                  - id: 第一条
                    text: 物业服务企业不得收取未予标明的费用。
                """);
        write(root, "policies/sources/test.md", "# 测试条例\n\n第一条 物业服务企业不得收取未予标明的费用。\n");
        write(root, "rules/national/jurisdiction.yaml", cn.propertycompliance.CoverageFixture.jurisdiction("000000", "全国"));
    }

    /**
     * A rule of the test law: in {@code pkg}, named {@code name}, finding FEE_UNDISCLOSED_ITEM for a Community whose id
     * is {@code communityId}, running {@code before} ahead of {@code findings.add(drools)} in its consequence.
     */
    static String communityRule(String pkg, String name, String communityId, String before) {
        return """
                package %s;
                import cn.propertycompliance.facts.Community;
                global cn.propertycompliance.evaluation.FindingCollector findings;

                rule "%s"
                    @code("FEE_UNDISCLOSED_ITEM")
                    @cite("test-law#第一条")
                    @effective("2020-01-01")
                    @message("x")
                when
                    Community( id == "%s" )
                then
                    %s
                    findings.add(drools);
                end
                """.formatted(pkg, name, communityId, before);
    }

    /** One fee evaluation at the national layer for a community with this id (the fee block empty). */
    static EvaluationResult evaluateFee(Evaluator evaluator, Release release, String communityId) {
        Region national = new Region(RegionTable.NATIONAL, "全国", List.of(RegionTable.NATIONAL));
        EvaluationRequest request = new EvaluationRequest(null, national.code(), LocalDate.of(2026, 1, 1), null,
                new Community(communityId, null, null, null, null, null, null, null, null),
                new Fee(null, null, null, null, null, null, null, null, null), null, null, null);
        return evaluator.evaluate(release, request, national, LocalDate.of(2026, 1, 1), EnumSet.of(Area.FEE), false);
    }

    static void write(Path root, String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
