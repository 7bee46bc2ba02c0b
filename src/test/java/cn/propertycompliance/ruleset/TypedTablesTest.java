package cn.propertycompliance.ruleset;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.filing.FilingDeadline;
import cn.propertycompliance.parameters.ParameterValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Parameter tables are typed: each value binds to its table's record when the release loads, so a misspelt field, a
 * wrong enum value or an unknown action code stops the release with {@code file:line} — in tables and in rules.
 */
class TypedTablesTest {

    @TempDir
    Path root;

    private static final String DEADLINE = """
            parameter: filing.deadline
            keys: [filing]
            entries:
              - key: {filing: SERVICE_CONTRACT}
                value: {event: SERVICE_CONTRACT_SIGNED, kind: AFTER, days: 15, dayKind: CALENDAR, filer: 物业服务人, authority: 街道办事处}
                effectiveFrom: 2020-01-01
                status: OFFICIAL
                cite: ["test-law#第一条"]
            """;

    private static final String CONSEQUENCE = """
            parameter: committee.consequence
            keys: [consequence]
            entries:
              - key: {consequence: T-1}
                value:
                  actions:
                    - {code: SUSPEND_DUTIES, by: 街道办事处, message: 责令暂停履行职责}
                effectiveFrom: 2020-01-01
                status: OFFICIAL
                cite: ["test-law#第一条"]
            """;

    private static final String RULE = """
            package rules.beijing.filing;

            import cn.propertycompliance.filing.FilingAssessment;
            import cn.propertycompliance.vocabulary.ActionCode;

            global cn.propertycompliance.evaluation.FindingCollector findings;

            rule "T-FILING-MISSING"
                @code("FILING_MISSING")
                @cite("test-law#第一条")
                @effective("2020-01-01")
                @message("{filingName}未备案")
            when
                $a : FilingAssessment( missing )
            then
                findings.add(drools).about($a).action(ActionCode.FILE_NOW, "补办{filingName}备案", "{filer}");
            end
            """;

    @BeforeEach
    void files() throws IOException {
        write("policies/test-law.yaml", LoadValidationTest.POLICY);
        write("policies/sources/test.md", LoadValidationTest.POLICY_SOURCE);
        write("rules/beijing/jurisdiction.yaml", cn.propertycompliance.CoverageFixture.jurisdiction("110000", "北京市"));
        write("rules/beijing/parameters/filing-deadline.yaml", DEADLINE);
        write("rules/beijing/parameters/committee-consequence.yaml", CONSEQUENCE);
        write("rules/beijing/filing.drl", RULE);
    }

    private void write(String path, String text) throws IOException {
        Path p = root.resolve(path);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Release build() {
        return new ReleaseBuilder(RepoRelease.REGIONS).build(root.resolve("rules"), root.resolve("policies"), null);
    }

    private List<String> problems() {
        try {
            build();
        } catch (ReleaseException e) {
            return e.problems().stream().map(p -> p.file() + ":" + p.line() + ": " + p.message()).toList();
        }
        throw new AssertionError("the release was built");
    }

    @Test
    void theFixtureLoadsAndTheValueIsBoundToItsType() {
        Release release = build();
        ParameterValue v = release.parameters().lookup("filing.deadline", List.of("000000", "110000"),
                java.time.LocalDate.parse("2021-01-01"), "SERVICE_CONTRACT");
        assertThat(v.as(FilingDeadline.class)).isEqualTo(new FilingDeadline(
                cn.propertycompliance.facts.Filings.EventType.SERVICE_CONTRACT_SIGNED, FilingDeadline.Kind.AFTER, 15,
                FilingDeadline.DayKind.CALENDAR, "物业服务人", "街道办事处"));
    }

    @Test
    void aMisspeltFieldStopsTheReleaseAtItsEntry() throws IOException {
        write("rules/beijing/parameters/filing-deadline.yaml", DEADLINE.replace("days: 15", "dayz: 15"));
        assertThat(problems()).anySatisfy(p -> assertThat(p)
                .startsWith("rules/beijing/parameters/filing-deadline.yaml:4: parameter filing.deadline:")
                .contains("'dayz' is not a field"));
    }

    @Test
    void anUnknownActionCodeInATableStopsTheReleaseAtItsEntry() throws IOException {
        write("rules/beijing/parameters/committee-consequence.yaml", CONSEQUENCE.replace("SUSPEND_DUTIES", "SUSPEND_DUTY"));
        assertThat(problems()).anySatisfy(p -> assertThat(p)
                .startsWith("rules/beijing/parameters/committee-consequence.yaml:4: parameter committee.consequence:")
                .contains("actions[0].code").contains("SUSPEND_DUTY").contains("SUSPEND_DUTIES"));
    }

    @Test
    void anUnknownActionCodeInARuleStopsTheReleaseAtItsFile() throws IOException {
        write("rules/beijing/filing.drl", RULE.replace("ActionCode.FILE_NOW", "ActionCode.FILE_NOWW"));
        assertThat(problems()).anySatisfy(p -> assertThat(p).startsWith("rules/beijing/filing.drl:").contains("FILE_NOWW"));
    }

    @Test
    void anUnusedImportOrGlobalIsReportedAtItsLine() throws IOException {
        write("rules/beijing/filing.drl", RULE.replace("import cn.propertycompliance.vocabulary.ActionCode;",
                        "import cn.propertycompliance.vocabulary.ActionCode;\nimport cn.propertycompliance.filing.FilingDeadline;")
                .replace("global cn.propertycompliance.evaluation.FindingCollector findings;",
                        "global cn.propertycompliance.evaluation.FindingCollector findings;\nglobal cn.propertycompliance.parameters.ParameterView params;"));
        assertThat(problems()).contains(
                "rules/beijing/filing.drl:5: import cn.propertycompliance.filing.FilingDeadline is not used by any rule of this file",
                "rules/beijing/filing.drl:8: global params is not used by any rule of this file");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            wrong enum value     | kind: AFTER        | kind: AFTERWARDS   | field 'kind' is AFTERWARDS, not one of [AFTER, BEFORE, BEFORE_EVENT]
            missing field        | "filer: 物业服务人, " | ""                 | field 'filer' is missing
            fraction for a count | days: 15           | days: 15.5         | field 'days' is 15.5
            a check of the type  | days: 15           | days: 0            | kind AFTER needs days ≥ 1
            """)
    void aValueThatDoesNotFitItsTypeStopsTheRelease(String what, String from, String to, String message) throws IOException {
        write("rules/beijing/parameters/filing-deadline.yaml", DEADLINE.replace(from, to));
        assertThat(problems()).anySatisfy(p -> assertThat(p)
                .startsWith("rules/beijing/parameters/filing-deadline.yaml:4: parameter filing.deadline:").contains(message));
    }

    @Test
    void aPendingEntryHasNoValueToBind() throws IOException {
        write("rules/beijing/parameters/filing-deadline.yaml", DEADLINE.replace(
                "    value: {event: SERVICE_CONTRACT_SIGNED, kind: AFTER, days: 15, dayKind: CALENDAR, filer: 物业服务人, authority: 街道办事处}\n", "")
                .replace("OFFICIAL", "PENDING"));
        assertThat(build().parameters().table("filing.deadline")).isPresent();
    }

    @Test
    void theRepositoryTablesAllBind() {
        assertThat(RepoRelease.get().parameters().tables()).allSatisfy(t -> assertThat(TableTypes.TYPES).containsKey(t.name()));
    }
}
