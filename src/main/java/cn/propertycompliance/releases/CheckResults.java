package cn.propertycompliance.releases;

import cn.propertycompliance.ruleset.Problem;
import java.util.List;

/**
 * What the checks found in a submitted release: every problem of every stage ({@code file:line: message}), the review
 * notes count, and the scenario cases run with those that failed named.
 */
public record CheckResults(List<Problem> problems, int reviewNotes, Cases cases) {

    public record Cases(int total, List<FailedCase> failed) {
    }

    public record FailedCase(String file, String name, String message) {
    }

    public boolean passed() {
        return problems.isEmpty() && cases.failed().isEmpty();
    }
}
