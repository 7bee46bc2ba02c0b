package cn.propertycompliance.evaluation;

import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.RuleMeta;
import cn.propertycompliance.vocabulary.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The {@code findings} global of one evaluation. A rule's consequence records its finding with
 * {@code findings.add(drools)…}; code, severity, message template and citations come from the rule's metadata,
 * so a rule cannot report a finding its annotations do not declare.
 */
public final class FindingCollector {

    /** The order findings are reported in: area, severity, code, subject, rule. */
    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::area)
            .thenComparing(Finding::severity)
            .thenComparing(Finding::code)
            .thenComparing(Finding::subject)
            .thenComparing(Finding::ruleId)
            .thenComparing(f -> f.details().toString());

    private final Release release;
    private final String communityId;
    private final List<FindingBuilder> builders = new ArrayList<>();
    private final Map<String, Integer> firings = new HashMap<>();

    public FindingCollector(Release release, String communityId) {
        this.release = release;
        this.communityId = communityId;
    }

    public FindingBuilder add(RuleContext drools) {
        String ruleId = drools.getRule().getName();
        RuleMeta meta = release.rule(ruleId)
                .orElseThrow(() -> new IllegalStateException("rule " + ruleId + " has no metadata in release " + release.id()));
        firings.merge(ruleId, 1, Integer::sum);
        FindingBuilder builder = new FindingBuilder(meta, "community:" + communityId);
        builders.add(builder);
        return builder;
    }

    /** Times each rule fired: for trace output. */
    public Map<String, Integer> firings() {
        return Map.copyOf(firings);
    }

    /** The findings, identical ones merged, in a stable order: area, severity, code, subject, rule. */
    public List<Finding> findings() {
        // Identical findings (same rule, subject and details, e.g. one item charged twice) are reported once. The key
        // leaves out citation texts, which are long and follow from the rule anyway.
        java.util.Set<List<Object>> seen = new java.util.HashSet<>();
        List<Finding> sorted = new ArrayList<>(builders.size());
        for (FindingBuilder b : builders) {
            Finding f = b.build();
            if (seen.add(List.of(f.ruleId(), f.subject(), f.details(), f.citations().size()))) {
                sorted.add(f);
            }
        }
        sorted.sort(ORDER);
        return sorted;
    }
}
