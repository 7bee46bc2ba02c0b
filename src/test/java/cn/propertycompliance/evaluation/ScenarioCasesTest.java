package cn.propertycompliance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.ruleset.Release;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every scenario case under rules/ runs here, through the same parser and evaluator as the API. */
class ScenarioCasesTest {

    private static final Release RELEASE = RepoRelease.get();
    private static final CaseRunner RUNNER = new CaseRunner(RELEASE, RepoRelease.REGIONS, new Evaluator(10_000));

    @TestFactory
    Stream<DynamicTest> scenarioCases() {
        return RELEASE.cases().stream().map(c -> DynamicTest.dynamicTest(c.displayName(), () -> {
            List<String> failures = RUNNER.check(c);
            assertThat(failures).as(c.displayName()).isEmpty();
        }));
    }

    @Test
    void theRepositoryHasCases() {
        assertThat(RELEASE.cases()).hasSizeGreaterThan(10);
    }
}
