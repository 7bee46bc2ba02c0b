package cn.propertycompliance.evaluation;

import cn.propertycompliance.evaluation.EvaluationResult.TraceReason;
import cn.propertycompliance.evaluation.EvaluationResult.TracedRule;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.region.Region;
import cn.propertycompliance.ruleset.ConditionProbes;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.RuleMeta;
import cn.propertycompliance.ruleset.RuleSelection;
import cn.propertycompliance.vocabulary.Area;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.kie.api.runtime.KieSession;

/**
 * The {@code trace} of an evaluation: every rule of the requested areas with why it did or did not apply — outside the
 * region, not in force on asOf, overridden (naming the rule that replaced it), a condition not met (naming the first
 * condition that failed, as written), or fired. Built only when asked for; evaluations without trace never come here.
 */
final class RuleTrace {

    private RuleTrace() {
    }

    /**
     * @param facts the facts the evaluation's session ended with (scope facts included); only rules that were selected
     *              and did not fire are probed against them
     */
    static List<TracedRule> of(Release release, Region region, LocalDate asOf, Set<Area> areas, RuleSelection selection,
                               Map<String, Integer> firings, Collection<?> facts, ParameterView params) {
        List<TracedRule> out = new ArrayList<>();
        KieSession probe = null;
        try {
            for (RuleMeta rule : release.rules()) {
                if (!areas.contains(rule.area())) {
                    continue;
                }
                if (!region.layers().contains(rule.jurisdiction())) {
                    out.add(traced(rule, "OUTSIDE_REGION", null, TraceReason.OUTSIDE_REGION,
                            "layer " + rule.jurisdiction() + " is not on the chain " + String.join(" → ", region.layers()), null));
                } else if (!rule.inForceOn(asOf)) {
                    out.add(traced(rule, asOf.isBefore(rule.effective()) ? "NOT_YET_EFFECTIVE" : "EXPIRED", null,
                            TraceReason.NOT_IN_FORCE, span(rule), null));
                } else if (selection.overriddenBy().containsKey(rule.id())) {
                    String by = String.join(", ", selection.overriddenBy().get(rule.id()));
                    out.add(traced(rule, "OVERRIDDEN_BY " + by, null, TraceReason.OVERRIDDEN, by, null));
                } else if (firings.containsKey(rule.id())) {
                    out.add(traced(rule, "FIRED", firings.get(rule.id()), TraceReason.FIRED, null, null));
                } else {
                    if (probe == null) {
                        probe = probeSession(release.probes(), facts, params, release);
                    }
                    Optional<ConditionProbes.Condition> failed = release.probes().firstUnmatched(probe, rule.id());
                    out.add(traced(rule, "NOT_MATCHED", null, TraceReason.CONDITION_NOT_MET,
                            failed.map(ConditionProbes.Condition::text).orElse(null),
                            failed.map(ConditionProbes.Condition::at).orElse(null)));
                }
            }
        } finally {
            if (probe != null) {
                probe.dispose();
            }
        }
        out.sort(Comparator.comparing(TracedRule::area).thenComparing(TracedRule::ruleId));
        return out;
    }

    private static KieSession probeSession(ConditionProbes probes, Collection<?> facts, ParameterView params, Release release) {
        KieSession session = probes.newSession();
        session.setGlobal("params", params);
        session.setGlobal("calendar", release.calendar());
        facts.forEach(session::insert);
        return session;
    }

    private static TracedRule traced(RuleMeta rule, String status, Integer fired, TraceReason reason, String detail, String at) {
        return new TracedRule(rule.id(), rule.jurisdiction(), rule.area(), status, fired, reason, detail, at);
    }

    /** The rule's @effective/@expires span, as the trace states it. */
    static String span(RuleMeta rule) {
        return "in force from " + rule.effective() + (rule.expires() == null ? "" : " until " + rule.expires() + " (exclusive)");
    }
}
