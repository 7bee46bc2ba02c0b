package cn.propertycompliance.evaluation;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.facts.BuildingType;
import cn.propertycompliance.facts.Community;
import cn.propertycompliance.facts.Fee;
import cn.propertycompliance.facts.FeePhase;
import cn.propertycompliance.region.Region;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.vocabulary.Finding;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

class EvaluatorTest {

    private static final Release RELEASE = RepoRelease.get();
    private static final Region BAIYIN = RepoRelease.REGIONS.resolve("620402").orElseThrow();
    private static final LocalDate AS_OF = LocalDate.parse("2026-11-01");

    private static EvaluationRequest feeRequest(String id, String price, List<String> publicised, List<Fee.ChargedItem> charged) {
        return new EvaluationRequest(null, BAIYIN.code(), AS_OF, null,
                new Community(id, null, null, null, null, null, null, null, null),
                new Fee(FeePhase.PRELIMINARY, BuildingType.HIGH_RISE, 3, null, price == null ? null : new BigDecimal(price),
                        null, publicised, charged, null),
                null, null, null);
    }

    @Test
    void concurrentEvaluationsGiveTheSameAnswersAsSequentialOnes() throws Exception {
        Evaluator evaluator = new Evaluator(10_000);
        Random random = new Random(7);
        List<EvaluationRequest> requests = IntStream.range(0, 400)
                .mapToObj(i -> feeRequest("C-" + i, BigDecimal.valueOf(100 + random.nextInt(80), 2).toPlainString(), null, List.of()))
                .toList();
        List<String> sequential = requests.stream().map(r -> answer(evaluator, r)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> futures = requests.stream().map(r -> pool.submit(() -> answer(evaluator, r))).toList();
            for (int i = 0; i < requests.size(); i++) {
                assertThat(futures.get(i).get()).isEqualTo(sequential.get(i));
            }
        } finally {
            pool.shutdown();
        }
        assertThat(sequential).anyMatch(s -> s.contains("FEE_ABOVE_GUIDANCE_BAND")).anyMatch(s -> s.contains("FEE_BELOW_GUIDANCE_BAND"))
                .anyMatch(s -> s.endsWith("[]"));
    }

    private static String answer(Evaluator evaluator, EvaluationRequest r) {
        EvaluationResult result = evaluator.evaluate(RELEASE, r, BAIYIN, AS_OF, EnumSet.of(Area.FEE), false);
        return r.community().id() + " " + result.findings().stream().map(f -> f.code() + f.details()).toList();
    }

    @Test
    void aRequestThatMakesRulesFireBeyondTheLimitIsStoppedNotAnswered() {
        Evaluator tight = new Evaluator(2);
        EvaluationRequest many = feeRequest("C-1", null, List.of(), List.of(
                new Fee.ChargedItem("甲", null), new Fee.ChargedItem("乙", null), new Fee.ChargedItem("丙", null)));
        assertThatThrownBy(() -> tight.evaluate(RELEASE, many, BAIYIN, AS_OF, EnumSet.of(Area.FEE), false))
                .isInstanceOf(RunawayRulesException.class)
                .hasMessageContaining("limit 2").hasMessageContaining("CN-FEE-UNDISCLOSED-ITEM");
        // the same evaluator keeps serving normal requests
        assertThat(tight.evaluate(RELEASE, feeRequest("C-2", "1.30", null, List.of()), BAIYIN, AS_OF, EnumSet.of(Area.FEE), false)
                .outcome()).isEqualTo(AreaStatus.COMPLIANT);
    }

    @Test
    void onlyRequestedAreasAreEvaluatedAndReported() {
        EvaluationResult result = new Evaluator(100).evaluate(RELEASE, feeRequest("C-3", "1.60", null, List.of()), BAIYIN, AS_OF,
                EnumSet.of(Area.REPAIR), false);
        // Nothing of the fee block; the REPAIR area only says that 白银's repair law is not encoded.
        assertThat(result.findings()).extracting(Finding::area, Finding::code).containsExactly(tuple(Area.REPAIR, "LAW_NOT_COVERED"));
        assertThat(result.areas()).containsOnlyKeys(Area.REPAIR);
    }

    @Test
    void aLocalRuleReplacesTheNationalOneOnlyWhereAndWhenItIsInForce() {
        Region wuhan = RepoRelease.REGIONS.resolve("420100").orElseThrow();
        assertThat(RELEASE.select(wuhan.layers(), LocalDate.parse("2021-06-09"), EnumSet.of(Area.FEE)).allowed())
                .contains("HB-FEE-UNDISCLOSED-ITEM").doesNotContain("CN-FEE-UNDISCLOSED-ITEM");
        assertThat(RELEASE.select(wuhan.layers(), LocalDate.parse("2021-06-08"), EnumSet.of(Area.FEE)).allowed())
                .contains("CN-FEE-UNDISCLOSED-ITEM").doesNotContain("HB-FEE-UNDISCLOSED-ITEM");
        assertThat(RELEASE.select(BAIYIN.layers(), AS_OF, EnumSet.of(Area.FEE)).allowed())
                .contains("CN-FEE-UNDISCLOSED-ITEM").doesNotContain("HB-FEE-UNDISCLOSED-ITEM");
    }
}
