package cn.propertycompliance.review;

import cn.propertycompliance.ruleset.Problem;
import java.util.List;
import java.util.Map;

/**
 * Everything the review report shows for one set of rule files, computed once; the renderers only format it.
 * When the files do not make a valid release, {@code loadErrors} lists why (file:line) and the other sections are
 * empty: nothing can be traced or run in a release that does not build.
 */
public record ReviewReport(
        String releaseId,
        String releaseLabel,
        List<DocumentTrace> documents,
        List<RuleTrace> rules,
        Attention attention,
        List<ParameterConflict> conflicts,
        List<RuleOverride> overrides,
        Coverage coverage,
        List<CaseRun> cases,
        List<Problem> warnings,
        List<Problem> loadErrors,
        Map<String, String> layerNames,
        List<cn.propertycompliance.coverage.AreaCoverage> lawCoverage) {

    public boolean built() {
        return loadErrors.isEmpty();
    }

    /** The report of files that do not build: their id and every load problem. */
    static ReviewReport failed(String releaseId, List<Problem> errors) {
        return new ReviewReport(releaseId, null, List.of(), List.of(),
                new Attention(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of()),
                List.of(), List.of(), Coverage.of(List.of(), List.of(), List.of()), List.of(), List.of(), List.copyOf(errors), Map.of(), List.of());
    }

    /**
     * Load problems that are cross-layer conflicts ({@code @overrides} naming no rule, or a rule that is not of a
     * broader layer). The loader refuses them; the report shows them under section 3 as well as in the error list.
     */
    public List<Problem> overrideErrors() {
        return loadErrors.stream().filter(p -> p.message().contains("@overrides")).toList();
    }
}
