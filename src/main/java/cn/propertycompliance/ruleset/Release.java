package cn.propertycompliance.ruleset;

import cn.propertycompliance.calendar.LegalCalendar;
import cn.propertycompliance.parameters.ParameterSet;
import cn.propertycompliance.policy.PolicyLibrary;
import cn.propertycompliance.vocabulary.Area;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * An immutable, compiled rule release: the rules, parameter tables, scenario cases and legal sources of one set of
 * files, identified by the SHA-256 of those files. Every decision names the release that produced it.
 */
public final class Release {

    private final String id;
    private final String label;
    private final Instant builtAt;
    private final KieBase kieBase;
    private final Map<String, RuleMeta> rules;
    private final PolicyLibrary policies;
    private final ParameterSet parameters;
    private final LegalCalendar calendar;
    private final List<ScenarioCase> cases;
    private final Collection<Jurisdiction> jurisdictions;
    private final cn.propertycompliance.coverage.CoverageMap coverage;
    private final List<SourceFile> files;
    private final List<Problem> warnings;
    private final KieSessionsPool sessions;
    private final ConditionProbes probes;
    private final Map<SelectionKey, RuleSelection> selections = new ConcurrentHashMap<>();
    /** One scope fact per (layer, area) that has rules; other combinations need no fact at all. */
    private final Map<String, RuleScope> scopes;
    private static final int MAX_CACHED_SELECTIONS = 10_000;

    Release(String id, String label, Instant builtAt, KieBase kieBase, Map<String, RuleMeta> rules, PolicyLibrary policies,
            ParameterSet parameters, LegalCalendar calendar, List<ScenarioCase> cases, Collection<Jurisdiction> jurisdictions,
            List<SourceFile> files, List<Problem> warnings, cn.propertycompliance.coverage.CoverageMap coverage,
            ConditionProbes probes) {
        this.id = id;
        this.label = label;
        this.builtAt = builtAt;
        this.kieBase = kieBase;
        this.rules = Map.copyOf(rules);
        this.policies = policies;
        this.parameters = parameters;
        this.calendar = calendar;
        this.cases = List.copyOf(cases);
        this.jurisdictions = List.copyOf(jurisdictions);
        this.coverage = coverage;
        this.files = List.copyOf(files);
        this.warnings = List.copyOf(warnings);
        this.probes = probes;
        this.sessions = kieBase.newKieSessionsPool(2 * Runtime.getRuntime().availableProcessors());
        Map<String, RuleScope> byKey = new java.util.HashMap<>();
        rules.values().forEach(r -> byKey.putIfAbsent(r.jurisdiction() + "/" + r.area(), new RuleScope(r.jurisdiction(), r.area())));
        this.scopes = Map.copyOf(byKey);
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public Instant builtAt() {
        return builtAt;
    }

    public KieBase kieBase() {
        return kieBase;
    }

    public Collection<RuleMeta> rules() {
        return rules.values();
    }

    public Optional<RuleMeta> rule(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    public PolicyLibrary policies() {
        return policies;
    }

    public ParameterSet parameters() {
        return parameters;
    }

    /** Statutory holidays and make-up working days of this release (rules/national/calendar), for legal periods. */
    public LegalCalendar calendar() {
        return calendar;
    }

    public List<ScenarioCase> cases() {
        return cases;
    }

    /** Where and when the encoded law reaches, per area (jurisdiction.yaml {@code coverage}). */
    public cn.propertycompliance.coverage.CoverageMap coverage() {
        return coverage;
    }

    public Collection<Jurisdiction> jurisdictions() {
        return jurisdictions;
    }

    public List<SourceFile> files() {
        return files;
    }

    public List<Problem> warnings() {
        return warnings;
    }

    /**
     * A session of this release's KieBase, from a pool: dispose() resets it and hands it back, so a request does not
     * pay for building a session's node memories from scratch.
     */
    public KieSession newSession() {
        return sessions.newKieSession();
    }

    /** Each rule's conditions and, compiled on first use, the queries that tell which one stopped it (trace=true). */
    public ConditionProbes probes() {
        return probes;
    }

    /** The scope fact that puts the rules of {@code layer} for {@code area} in play, or null when it has none. */
    public RuleScope scope(String layer, Area area) {
        return scopes.get(layer + "/" + area);
    }

    /** The rules that may fire for a request judged at {@code asOf} in the given jurisdiction chain (memoised). */
    public RuleSelection select(List<String> layers, LocalDate asOf, Set<Area> areas) {
        SelectionKey key = new SelectionKey(layers, asOf, areas);
        RuleSelection cached = selections.get(key);
        if (cached != null) {
            return cached;
        }
        if (selections.size() > MAX_CACHED_SELECTIONS) {
            selections.clear(); // requests rarely spread over this many dates × regions; start over rather than grow
        }
        RuleSelection computed = computeSelection(layers, asOf, areas);
        selections.put(key, computed);
        return computed;
    }

    private record SelectionKey(List<String> layers, LocalDate asOf, Set<Area> areas) {
    }

    private RuleSelection computeSelection(List<String> layers, LocalDate asOf, Set<Area> areas) {
        Set<String> active = new HashSet<>();
        for (RuleMeta r : rules.values()) {
            if (layers.contains(r.jurisdiction()) && areas.contains(r.area()) && r.inForceOn(asOf)) {
                active.add(r.id());
            }
        }
        Set<String> allowed = new HashSet<>(active);
        // Several rules may replace one (上海's before- and after-assembly rules both replace the national one).
        Map<String, List<String>> overriddenBy = new HashMap<>();
        for (String ruleId : new java.util.TreeSet<>(active)) {
            String replaced = rules.get(ruleId).overrides();
            if (replaced != null && active.contains(replaced)) {
                allowed.remove(replaced);
                overriddenBy.computeIfAbsent(replaced, k -> new java.util.ArrayList<>()).add(ruleId);
            }
        }
        overriddenBy.replaceAll((replaced, by) -> List.copyOf(by));
        return new RuleSelection(Set.copyOf(allowed), Map.copyOf(overriddenBy));
    }
}
