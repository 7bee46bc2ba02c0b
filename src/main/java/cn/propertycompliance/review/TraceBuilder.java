package cn.propertycompliance.review;

import cn.propertycompliance.parameters.ParameterEntry;
import cn.propertycompliance.policy.Clause;
import cn.propertycompliance.policy.PolicyDocument;
import cn.propertycompliance.ruleset.Release;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Links documents, clauses, rules, parameter values and case runs (section 1 of the report, and the basis of the
 * coverage figures). Everything is sorted, so the same release always gives the same trace.
 */
final class TraceBuilder {

    /** Documents by legal level (highest first), then issuing layer, then id. */
    static final Comparator<PolicyDocument> DOCUMENT_ORDER = Comparator.comparing(PolicyDocument::level)
            .thenComparing(PolicyDocument::jurisdiction).thenComparing(PolicyDocument::id);

    private final Release release;
    private final List<CaseRun> runs;
    private final Map<String, RuleTrace> ruleTraces = new TreeMap<>();

    TraceBuilder(Release release, List<CaseRun> runs) {
        this.release = release;
        this.runs = runs;
        release.rules().forEach(r -> ruleTraces.put(r.id(), new RuleTrace(r,
                runs.stream().filter(c -> c.positiveFor(r)).toList(),
                runs.stream().filter(c -> c.negativeFor(r)).toList())));
    }

    /** Every rule of the release by id. */
    List<RuleTrace> rules() {
        return List.copyOf(ruleTraces.values());
    }

    List<DocumentTrace> documents() {
        return release.policies().documents().stream().sorted(DOCUMENT_ORDER)
                .map(doc -> new DocumentTrace(doc, doc.clauses().values().stream().map(c -> clause(doc, c)).toList()))
                .toList();
    }

    private ClauseTrace clause(PolicyDocument doc, Clause clause) {
        String ref = doc.id() + "#" + clause.id();
        List<RuleTrace> citing = ruleTraces.values().stream()
                .filter(t -> t.rule().cite().stream().anyMatch(c -> c.toString().equals(ref))).toList();
        List<RuleTrace> viaParameter = ruleTraces.values().stream()
                .filter(t -> !citing.contains(t))
                .filter(t -> runs.stream().anyMatch(run -> run.passed()
                        && run.citationsByRule().getOrDefault(t.rule().id(), Set.of()).contains(ref)))
                .toList();
        List<ParameterEntry> parameters = release.parameters().tables().stream()
                .flatMap(t -> t.entries().stream())
                .filter(e -> e.cite().stream().anyMatch(c -> c.toString().equals(ref)))
                .sorted(Comparator.comparing(ParameterEntry::file).thenComparingInt(ParameterEntry::line))
                .toList();
        List<CaseRun> positive = runs.stream().filter(run -> run.cites(ref)).toList();
        Set<CaseRun> negative = new LinkedHashSet<>();
        for (CaseRun run : runs) {
            boolean byRule = citing.stream().anyMatch(t -> run.negativeFor(t.rule()));
            // A rule that reaches this clause only through a parameter value tests it only where that value applies.
            boolean byParameter = viaParameter.stream().anyMatch(t -> run.negativeFor(t.rule()))
                    && parameters.stream().anyMatch(e -> appliesTo(e, run));
            if (byRule || byParameter) {
                negative.add(run);
            }
        }
        return new ClauseTrace(doc.id(), clause, citing, viaParameter, parameters, positive, new ArrayList<>(negative));
    }

    private static boolean appliesTo(ParameterEntry entry, CaseRun run) {
        return run.asOf() != null && run.layers().contains(entry.jurisdiction()) && entry.inForceOn(run.asOf());
    }
}
