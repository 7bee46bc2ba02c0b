package cn.propertycompliance.ruleset;

import java.util.List;
import java.util.stream.Collectors;

/** The files do not make a valid release; the message lists every problem as {@code file:line: reason}. */
public class ReleaseException extends RuntimeException {

    private final List<Problem> problems;

    public ReleaseException(List<Problem> problems) {
        super("the rule release is invalid (" + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + "):\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
