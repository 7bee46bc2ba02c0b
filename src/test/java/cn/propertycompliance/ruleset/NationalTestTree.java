package cn.propertycompliance.ruleset;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

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

    static void write(Path root, String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
    }
}
