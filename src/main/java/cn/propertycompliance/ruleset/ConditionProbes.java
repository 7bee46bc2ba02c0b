package cn.propertycompliance.ruleset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.GlobalDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.KieSessionsPool;

/**
 * Which condition stopped a rule, for {@code trace=true}: the first of a rule's conditions (the top-level elements of
 * its {@code when}, as written) that the request's facts cannot satisfy together with the conditions before it.
 *
 * <p>How: one DRL query per proper prefix of each rule's conditions (its scope pattern, then conditions 1..k), so the
 * engine itself — same constraints, same bindings, same {@code not}/{@code from} — says how far a rule's match gets.
 * The queries live in a KieBase of their own, compiled on the first traced evaluation: evaluations without trace have
 * no extra network nodes, no extra work per inserted fact and no extra compile time at start-up.
 *
 * <p>Why the facts of the finished evaluation are the right ones to probe: a consequence cannot insert, change or
 * retract facts (the rule guard allows only {@code findings.add(drools)…}), so the facts an evaluation ends with are
 * exactly those its rules were matched against. And a selected rule whose conditions all match fires (the firing cap
 * stops the whole evaluation instead), so if every proper prefix matches, the last condition is the one that failed.
 */
public final class ConditionProbes {

    /** One top-level condition of a rule: its 1-based position, its text as written (spaces collapsed), file:line. */
    public record Condition(int number, String text, String at) {
    }

    private final String releaseId;
    private final Map<String, List<Condition>> conditions;
    /** DRL resources of the probe KieBase: path under src/main/resources → text. */
    private final Map<String, String> resources;
    /** Sessions of the probe KieBase, compiled on first use; a pooled session's dispose() resets it for the next trace. */
    private volatile KieSessionsPool sessions;

    private ConditionProbes(String releaseId, Map<String, List<Condition>> conditions, Map<String, String> resources) {
        this.releaseId = releaseId;
        this.conditions = Map.copyOf(conditions);
        this.resources = Map.copyOf(resources);
    }

    /** Reads each rule's conditions from the parsed files and writes their prefix queries (text only, nothing compiled). */
    static ConditionProbes of(String releaseId, List<RuleLoader.ParsedDrl> drls, Map<String, RuleMeta> rules) {
        Map<String, List<Condition>> conditions = new LinkedHashMap<>();
        Map<String, String> resources = new LinkedHashMap<>();
        resources.put("cn/propertycompliance/globals/globals.drl", ReleaseCompiler.GLOBALS_DRL);
        for (RuleLoader.ParsedDrl drl : drls) {
            String text = drl.file().text();
            StringBuilder drlText = new StringBuilder("package ").append(drl.pkg().getName()).append(";\n");
            for (ImportDescr imp : drl.pkg().getImports()) {
                drlText.append("import ").append(imp.getTarget().strip()).append(";\n");
            }
            for (GlobalDescr g : drl.pkg().getGlobals()) {
                drlText.append("global ").append(g.getType()).append(' ').append(g.getIdentifier()).append(";\n");
            }
            for (RuleDescr rule : drl.pkg().getRules()) {
                RuleMeta meta = rules.get(rule.getName());
                if (meta == null) {
                    continue;
                }
                List<String> raw = new ArrayList<>();
                List<Condition> described = new ArrayList<>();
                for (BaseDescr element : rule.getLhs().getDescrs()) {
                    Optional<String> source = sourceOf(text, element);
                    if (source.isEmpty()) {
                        raw.clear(); // a condition without a known position: name none rather than a wrong one
                        described.clear();
                        break;
                    }
                    raw.add(source.get());
                    described.add(new Condition(raw.size(), source.get().replaceAll("\\s+", " ").strip(),
                            drl.file().path() + ":" + element.getLine()));
                }
                conditions.put(meta.id(), List.copyOf(described));
                for (int k = 1; k < raw.size(); k++) {
                    drlText.append("query \"").append(queryName(meta.id(), k)).append("\"\n    ").append(RuleScope.pattern(meta));
                    raw.subList(0, k).forEach(c -> drlText.append("\n    ").append(c));
                    drlText.append("\nend\n");
                }
            }
            resources.put(ReleaseCompiler.resourcePath(drl), drlText.toString());
        }
        return new ConditionProbes(releaseId, conditions, resources);
    }

    /**
     * The text of one condition as the author wrote it. The parser records where each element starts and ends; a
     * {@code not}/{@code exists} element's own span may leave out its keyword, so the span runs from the earliest start
     * to the latest end of the element and everything inside it.
     */
    private static Optional<String> sourceOf(String text, BaseDescr element) {
        int[] span = {Integer.MAX_VALUE, -1};
        widen(element, span);
        return span[1] <= span[0] || span[1] > text.length() ? Optional.empty() : Optional.of(text.substring(span[0], span[1]));
    }

    private static void widen(Object node, int[] span) {
        if (node instanceof BaseDescr d) {
            if (d.getStartCharacter() >= 0) {
                span[0] = Math.min(span[0], d.getStartCharacter());
            }
            span[1] = Math.max(span[1], d.getEndCharacter());
            if (d instanceof org.drools.drl.ast.descr.ConditionalElementDescr ce) {
                ce.getDescrs().forEach(c -> widen(c, span));
            }
            if (d instanceof org.drools.drl.ast.descr.PatternDescr p) {
                widen(p.getConstraint(), span);
                widen(p.getSource(), span);
            }
        }
    }

    static String queryName(String ruleId, int prefix) {
        return "probe:" + ruleId + ":" + prefix;
    }

    /** The conditions of a rule, in order (empty for an unknown rule). */
    public List<Condition> conditions(String ruleId) {
        return conditions.getOrDefault(ruleId, List.of());
    }

    /** Compiles the probe queries if no traced evaluation did yet; true when this call compiled them (a cold start). */
    public boolean prepare() {
        if (sessions != null) {
            return false;
        }
        synchronized (this) {
            if (sessions != null) {
                return false;
            }
            Problems problems = new Problems();
            KieBase built = ReleaseCompiler.build(releaseId + ".probes", resources, problems);
            if (built == null) {
                // Every condition compiled in the release itself; a prefix that does not is a bug here, not in the rules.
                throw new IllegalStateException("condition probes of release " + releaseId + " do not compile: " + problems.errors());
            }
            sessions = built.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
            return true;
        }
    }

    /** A session to probe with; the caller inserts the evaluation's facts and sets its globals, and disposes of it. */
    public KieSession newSession() {
        prepare();
        return sessions.newKieSession();
    }

    /**
     * The condition that stopped {@code ruleId} over the facts in {@code session}: the first whose prefix query has no
     * result, else the last one. Empty for a rule without conditions (it cannot fail to match).
     */
    public Optional<Condition> firstUnmatched(KieSession session, String ruleId) {
        List<Condition> all = conditions(ruleId);
        for (int k = 1; k < all.size(); k++) {
            if (session.getQueryResults(queryName(ruleId, k)).size() == 0) {
                return Optional.of(all.get(k - 1));
            }
        }
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }
}
