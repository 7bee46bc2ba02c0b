package cn.propertycompliance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.evaluation.EvaluationResult.TraceReason;
import cn.propertycompliance.evaluation.EvaluationResult.TracedRule;
import cn.propertycompliance.facts.BuildingType;
import cn.propertycompliance.facts.Community;
import cn.propertycompliance.facts.Fee;
import cn.propertycompliance.facts.FeePhase;
import cn.propertycompliance.region.Region;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.RuleMeta;
import cn.propertycompliance.vocabulary.Area;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code trace=true} over the repository's own rules: each rule of the requested areas says why it did or did not
 * apply — outside the region, not in force, overridden by whom, which condition failed, or fired.
 */
class RuleTraceTest {

    private static final Release RELEASE = RepoRelease.get();
    private static final Evaluator EVALUATOR = new Evaluator(10_000);
    private static final LocalDate AS_OF = LocalDate.parse("2026-11-01");

    private static Map<String, TracedRule> trace(String regionCode, LocalDate asOf, Fee fee) {
        Region region = RepoRelease.REGIONS.resolve(regionCode).orElseThrow();
        EvaluationRequest request = new EvaluationRequest(null, regionCode, asOf, null,
                new Community("C-1", null, null, null, null, null, null, null, null), fee, null, null, null);
        List<TracedRule> trace = EVALUATOR.evaluate(RELEASE, request, region, asOf, EnumSet.of(Area.FEE), true).trace();
        return trace.stream().collect(Collectors.toMap(TracedRule::ruleId, Function.identity()));
    }

    private static Fee guided(String price, List<String> publicised, List<Fee.ChargedItem> charged) {
        return new Fee(FeePhase.PRELIMINARY, BuildingType.HIGH_RISE, 3, null, new BigDecimal(price), null, publicised, charged, null);
    }

    @Test
    void aRuleThatFiredSaysSoWithItsCount() {
        TracedRule above = trace("620402", AS_OF, guided("1.60", null, List.of())).get("CN-FEE-ABOVE-GUIDANCE-BAND");
        assertThat(above.reason()).isEqualTo(TraceReason.FIRED);
        assertThat(above.status()).isEqualTo("FIRED");
        assertThat(above.fired()).isEqualTo(1);
        assertThat(above.detail()).isNull();
    }

    @Test
    void aRuleWhoseConditionFailedNamesTheFirstConditionThatFailedWithItsLine() {
        Map<String, TracedRule> trace = trace("620402", AS_OF, guided("1.60", null, List.of()));
        // 1.60 is above the band: the Fee pattern matches, the assessment's chargedBelowBand does not.
        TracedRule below = trace.get("CN-FEE-BELOW-GUIDANCE-BAND");
        assertThat(below.reason()).isEqualTo(TraceReason.CONDITION_NOT_MET);
        assertThat(below.status()).isEqualTo("NOT_MATCHED");
        assertThat(below.detail()).isEqualTo("FeeAssessment( chargedBelowBand, $band : guidanceFinding )");
        assertThat(below.at()).isEqualTo("rules/national/fee.drl:36");
        // no publicised items sent: the first condition already fails
        TracedRule undisclosed = trace.get("CN-FEE-UNDISCLOSED-ITEM");
        assertThat(undisclosed.reason()).isEqualTo(TraceReason.CONDITION_NOT_MET);
        assertThat(undisclosed.detail()).isEqualTo("$fee : Fee( publicizedItems != null )");
        assertThat(undisclosed.at()).isEqualTo("rules/national/fee.drl:87");
    }

    @Test
    void aJoinThatFailsIsNamedEvenWhenEachFactAloneWouldMatch() {
        // Items publicised and charged, all of them publicised: Fee matches, a ChargedItem exists, but none is "not
        // memberOf $fee.publicizedItems" — the failing condition is the join on the second pattern.
        TracedRule undisclosed = trace("620402", AS_OF, guided("1.30", List.of("物业服务费"),
                List.of(new Fee.ChargedItem("物业服务费", null)))).get("CN-FEE-UNDISCLOSED-ITEM");
        assertThat(undisclosed.reason()).isEqualTo(TraceReason.CONDITION_NOT_MET);
        assertThat(undisclosed.detail()).isEqualTo("ChargedItem( $name : name, name not memberOf $fee.publicizedItems )");
        assertThat(undisclosed.at()).isEqualTo("rules/national/fee.drl:88");
    }

    @Test
    void aBaiyinFeeRequestBeforeARuleTookEffectSaysItWasNotInForceWithItsSpan() {
        Fee undisplayed = new Fee(FeePhase.PRELIMINARY, BuildingType.HIGH_RISE, 3, null, new BigDecimal("1.60"),
                new Fee.PriceDisplay(true, false, true), null, List.of(), null);
        TracedRule display = trace("620402", LocalDate.parse("2004-06-01"), undisplayed).get("CN-FEE-PRICE-DISPLAY-INCOMPLETE");
        assertThat(display.reason()).isEqualTo(TraceReason.NOT_IN_FORCE);
        assertThat(display.status()).isEqualTo("NOT_YET_EFFECTIVE");
        assertThat(display.detail()).isEqualTo("in force from 2004-10-01");
        // The same facts today: the rule is selected and fires — it was the date, not the facts, that kept it out.
        assertThat(trace("620402", AS_OF, undisplayed).get("CN-FEE-PRICE-DISPLAY-INCOMPLETE").reason()).isEqualTo(TraceReason.FIRED);
    }

    @Test
    void anExpiredRuleGivesTheEndOfItsSpan() {
        TracedRule quality = trace("211103", AS_OF, guided("1.60", null, List.of())).get("LN-FEE-QUALITY-BELOW-PRICE-TIER");
        assertThat(quality.reason()).isEqualTo(TraceReason.NOT_IN_FORCE);
        assertThat(quality.status()).isEqualTo("EXPIRED");
        assertThat(quality.detail()).isEqualTo("in force from 2021-03-16 until 2022-01-01 (exclusive)");
    }

    @Test
    void aNationalRuleOverriddenInALocalRegionNamesTheRuleThatReplacedIt() {
        Fee items = new Fee(null, null, null, null, null, null, List.of("物业服务费"),
                List.of(new Fee.ChargedItem("物业服务费", null), new Fee.ChargedItem("装修管理费", null)), null);
        Map<String, TracedRule> wuhan = trace("420102", AS_OF, items);
        TracedRule national = wuhan.get("CN-FEE-UNDISCLOSED-ITEM");
        assertThat(national.reason()).isEqualTo(TraceReason.OVERRIDDEN);
        assertThat(national.detail()).isEqualTo("HB-FEE-UNDISCLOSED-ITEM");
        assertThat(national.status()).isEqualTo("OVERRIDDEN_BY HB-FEE-UNDISCLOSED-ITEM");
        assertThat(wuhan.get("HB-FEE-UNDISCLOSED-ITEM").reason()).isEqualTo(TraceReason.FIRED);

        // Before 湖北's notice took effect the national rule applies, and the local one says why it did not.
        Map<String, TracedRule> before = trace("420102", LocalDate.parse("2021-06-08"), items);
        assertThat(before.get("CN-FEE-UNDISCLOSED-ITEM").reason()).isEqualTo(TraceReason.FIRED);
        assertThat(before.get("HB-FEE-UNDISCLOSED-ITEM").reason()).isEqualTo(TraceReason.NOT_IN_FORCE);
        assertThat(before.get("HB-FEE-UNDISCLOSED-ITEM").detail()).isEqualTo("in force from 2021-06-09");
    }

    @Test
    void anotherPlacesRuleIsOutsideTheRegionNamingTheChain() {
        TracedRule hubei = trace("620402", AS_OF, guided("1.60", null, List.of())).get("HB-FEE-UNDISCLOSED-ITEM");
        assertThat(hubei.reason()).isEqualTo(TraceReason.OUTSIDE_REGION);
        assertThat(hubei.status()).isEqualTo("OUTSIDE_REGION");
        assertThat(hubei.detail()).isEqualTo("layer 420000 is not on the chain 000000 → 620000 → 620400 → 620402");
    }

    @Test
    void everyRuleOfTheRequestedAreasIsExplainedOnceAndOnlyThose() {
        Map<String, TracedRule> trace = trace("420102", AS_OF, guided("1.60", List.of(), List.of()));
        List<String> feeRules = RELEASE.rules().stream().filter(r -> r.area() == Area.FEE).map(RuleMeta::id).toList();
        assertThat(trace.keySet()).containsExactlyInAnyOrderElementsOf(feeRules);
        assertThat(trace.values()).allSatisfy(t -> {
            assertThat(t.reason()).isNotNull();
            if (t.reason() != TraceReason.FIRED) {
                assertThat(t.detail()).as(t.ruleId()).isNotBlank();
            }
        });
    }

    @Test
    void withoutTraceThereIsNoTrace() {
        Region baiyin = RepoRelease.REGIONS.resolve("620402").orElseThrow();
        EvaluationRequest request = new EvaluationRequest(null, "620402", AS_OF, null,
                new Community("C-1", null, null, null, null, null, null, null, null), guided("1.60", null, List.of()), null, null, null);
        assertThat(EVALUATOR.evaluate(RELEASE, request, baiyin, AS_OF, EnumSet.of(Area.FEE), false).trace()).isNull();
    }
}
