package cn.propertycompliance.filing;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.evaluation.CaseRunner;
import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.ReleaseBuilder;
import cn.propertycompliance.ruleset.SourceFile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Working-day (工作日) deadlines through the real rules. No filer's deadline in the texts we hold is counted in working
 * days, so the repository has no such entry; this test builds a release from the repository plus a fixture layer
 * (110101, src/test/resources/fixtures/working-day-filing) whose filing.deadline is "5 working days after the
 * election", and runs the fixture's scenario cases.
 */
class FilingWorkingDayPeriodTest {

    private static final Path FIXTURE = Path.of("src/test/resources/fixtures/working-day-filing");
    private static final Release RELEASE = build();
    private static final CaseRunner RUNNER = new CaseRunner(RELEASE, RepoRelease.REGIONS, new Evaluator(10_000));

    @TestFactory
    Stream<DynamicTest> fixtureCases() {
        return fixtureCaseList().stream().map(c -> DynamicTest.dynamicTest(c.displayName(),
                () -> assertThat(RUNNER.check(c)).as(c.displayName()).isEmpty()));
    }

    @Test
    void theFixtureHasItsCases() {
        assertThat(fixtureCaseList()).hasSize(6);
    }

    @Test
    void theRepositoryReleaseHasNoWorkingDayFilingDeadline() {
        // If a real working-day deadline is ever added, it gets scenario cases of its own under rules/.
        RepoRelease.get().parameters().table("filing.deadline").orElseThrow().entries().stream()
                .filter(e -> e.value().containsKey("dayKind"))
                .forEach(e -> assertThat(e.value().get("dayKind")).as(e.where()).isEqualTo("CALENDAR"));
    }

    private static List<cn.propertycompliance.ruleset.ScenarioCase> fixtureCaseList() {
        return RELEASE.cases().stream().filter(c -> c.file().startsWith("rules/beijing/dongcheng/")).toList();
    }

    private static Release build() {
        List<SourceFile> files = new ArrayList<>();
        files.addAll(read(Path.of("rules"), "rules"));
        files.addAll(read(Path.of("policies"), "policies"));
        files.addAll(read(FIXTURE.resolve("rules"), "rules"));
        files.sort(Comparator.comparing(SourceFile::path));
        return new ReleaseBuilder(RepoRelease.REGIONS).build(files, "working-day-fixture");
    }

    private static List<SourceFile> read(Path dir, String prefix) {
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).map(p -> {
                try {
                    return new SourceFile(prefix + "/" + dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
