package cn.propertycompliance.bench;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.evaluation.EvaluationRequest;
import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.evaluation.RequestParser;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.region.Region;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.vocabulary.Finding;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import static org.assertj.core.api.Assertions.assertThat;

/** The benchmark's plain-Java floor answers exactly as the engine does, so the ratio compares like with like. */
class PlainJavaFeeCheckTest {

    @Test
    void theBenchmarkPairGivesTheSameFindings() {
        EvaluationBenchmark b = new EvaluationBenchmark();
        b.setUp();
        List<Finding> engine = sorted(b.engineFeeBaiyin().findings());
        assertThat(engine).hasSizeGreaterThanOrEqualTo(4);
        assertThat(sorted(b.plainFeeBaiyin())).isEqualTo(engine);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "\"fee\":{\"phase\":\"PRELIMINARY\",\"buildingType\":\"HIGH_RISE\",\"serviceLevel\":3,\"chargedPrice\":1.10}",
        "\"fee\":{\"phase\":\"PRELIMINARY\",\"buildingType\":\"VILLA\",\"serviceLevel\":3,\"chargedPrice\":1.10}",
        "\"fee\":{\"phase\":\"PRELIMINARY\",\"chargedPrice\":1.10}",
        "\"fee\":{\"priceChange\":{\"fromPrice\":1.2,\"toPrice\":1.3,\"publicizedOn\":\"2026-11-01\",\"effectiveOn\":\"2026-11-10\"}}"})
    void otherFeeFactsToo(String block) {
        Release release = RepoRelease.get();
        Region baiyin = RepoRelease.REGIONS.resolve("620402").orElseThrow();
        LocalDate asOf = LocalDate.parse("2026-11-01");
        EvaluationRequest r = new RequestParser(RepoRelease.REGIONS).parse(RequestParser.JSON.readTree(
                "{\"region\":\"620402\",\"asOf\":\"2026-11-01\",\"community\":{\"id\":\"C\"}," + block + "}"));
        List<Finding> engine = sorted(new Evaluator(1000).evaluate(release, r, baiyin, asOf, r.effectiveAreas(), false).findings());
        List<Finding> plain = sorted(new PlainJavaFeeCheck(release.policies())
                .check("C", r.fee(), new ParameterView(release.parameters(), baiyin.layers(), asOf)));
        assertThat(engine).isNotEmpty();
        assertThat(plain).isEqualTo(engine);
    }

    private static List<Finding> sorted(List<Finding> findings) {
        return findings.stream().sorted(Comparator.comparing(Finding::ruleId).thenComparing(f -> f.details().toString())).toList();
    }
}
