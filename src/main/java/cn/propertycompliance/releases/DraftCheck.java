package cn.propertycompliance.releases;

import cn.propertycompliance.ruleset.Problem;
import java.util.List;

/**
 * The checks of a draft's files, as on submission: every problem of every stage ({@code file:line}) and, when the files
 * make a release, every scenario case with its result (failing ones with why). {@code millis}: how long it took.
 */
public record DraftCheck(String releaseId, List<Problem> problems, List<CaseResult> cases, long millis) {

    /** One scenario case: where it is, its name, and the reasons it fails (empty when it passes). */
    public record CaseResult(String file, int line, String name, String failure) {
        public boolean passed() {
            return failure == null;
        }
    }

    public List<CaseResult> failed() {
        return cases.stream().filter(c -> !c.passed()).toList();
    }

    /** Builds, no problem, every case passes: what a submission needs to be CHECKED rather than REJECTED. */
    public boolean passed() {
        return problems.isEmpty() && failed().isEmpty();
    }
}
