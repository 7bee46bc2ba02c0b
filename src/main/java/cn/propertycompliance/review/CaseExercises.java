package cn.propertycompliance.review;

import cn.propertycompliance.evaluation.CaseRunner;
import cn.propertycompliance.evaluation.EvaluationResult;
import cn.propertycompliance.evaluation.Evaluator;
import cn.propertycompliance.policy.Citation;
import cn.propertycompliance.policy.PolicyDocument;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.ScenarioCase;
import cn.propertycompliance.vocabulary.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Runs every scenario case of a release through the same parser and evaluator as the API and records which rules
 * could fire and which did. Which case tests which rule is decided here by execution, never by reading case names.
 */
public final class CaseExercises {

    private final Release release;
    private final CaseRunner runner;

    public CaseExercises(Release release, RegionTable regions, Evaluator evaluator) {
        this.release = release;
        this.runner = new CaseRunner(release, regions, evaluator);
    }

    /** Every case of the release, by file and line. A case that cannot be evaluated is a failing run, not an abort. */
    public List<CaseRun> runAll() {
        List<CaseRun> runs = new ArrayList<>();
        release.cases().stream()
                .sorted(Comparator.comparing(ScenarioCase::file).thenComparingInt(ScenarioCase::line))
                .forEach(c -> runs.add(run(c)));
        return List.copyOf(runs);
    }

    CaseRun run(ScenarioCase c) {
        if (!c.invalid().isEmpty()) {
            // The case tests that the parser rejects the request (a 400): it exercises no rule.
            return new CaseRun(c, List.copyOf(runner.check(c)), Set.of(), Map.of(), List.of(), null);
        }
        EvaluationResult result;
        List<String> failures;
        try {
            result = runner.evaluate(c);
            failures = runner.check(c);
        } catch (RuntimeException e) {
            return new CaseRun(c, List.of("用例无法运行：" + e.getMessage()), Set.of(), Map.of(), List.of(), null);
        }
        Set<String> eligible = new TreeSet<>(release.select(result.region().layers(), result.asOf(),
                result.areas().keySet()).allowed());
        Map<String, Set<String>> citations = new TreeMap<>();
        for (Finding f : result.findings()) {
            Set<String> refs = citations.computeIfAbsent(f.ruleId(), id -> new TreeSet<>());
            f.citations().forEach(citation -> clauseRef(citation).ifPresent(refs::add));
        }
        return new CaseRun(c, List.copyOf(failures), eligible, citations, result.region().layers(), result.asOf());
    }

    /**
     * A finding names a document by its 文号 (or title), which several documents may share (the Civil Code's books);
     * the clause id and its exact text tell them apart.
     */
    private Optional<String> clauseRef(Citation citation) {
        return release.policies().documents().stream()
                .filter(doc -> doc.citedAs().equals(citation.document()))
                .filter(doc -> doc.clause(citation.clause()).map(cl -> cl.text().equals(citation.text())).orElse(false))
                .map(PolicyDocument::id)
                .sorted()
                .findFirst()
                .map(id -> id + "#" + citation.clause());
    }
}
