package cn.propertycompliance.review;

import java.util.List;

/**
 * Section 4: how much of the release is tested both ways. A rule counts when some passing case produces its finding
 * and some passing case could have fired it and asserts it did not; a cited clause (one a rule or parameter value
 * cites) counts when a passing case's findings cite it and a passing case tests one of its rules negatively.
 */
public record Coverage(Share rules, Share citedClauses, List<RuleTrace> uncoveredRules, List<ClauseTrace> uncoveredClauses,
                       int cases, int failingCases) {

    static Coverage of(List<RuleTrace> rules, List<DocumentTrace> documents, List<CaseRun> runs) {
        List<ClauseTrace> cited = documents.stream().flatMap(d -> d.clauses().stream()).filter(ClauseTrace::encoded).toList();
        List<RuleTrace> uncoveredRules = rules.stream().filter(r -> !r.covered()).toList();
        List<ClauseTrace> uncoveredClauses = cited.stream().filter(c -> !c.covered()).toList();
        return new Coverage(new Share(rules.size() - uncoveredRules.size(), rules.size()),
                new Share(cited.size() - uncoveredClauses.size(), cited.size()), uncoveredRules, uncoveredClauses,
                runs.size(), (int) runs.stream().filter(r -> !r.passed()).count());
    }

    /** The two lines the build command prints. */
    public List<String> summaryLines() {
        return List.of("规则覆盖（正向与反向用例齐全）：" + rules, "被引条款覆盖（正向与反向用例齐全）：" + citedClauses,
                "用例：" + cases + " 个，未通过 " + failingCases + " 个");
    }
}
