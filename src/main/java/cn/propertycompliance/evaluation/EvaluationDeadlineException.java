package cn.propertycompliance.evaluation;

import java.time.Duration;

/**
 * An evaluation ran past its deadline: its session was halted and discarded and its slot freed. A server-side fault
 * (a rule that computes too long), never a verdict; answered as a 503 problem {@code /problems/evaluation-deadline}.
 */
public class EvaluationDeadlineException extends RunawayRulesException {

    public EvaluationDeadlineException(Duration deadline) {
        super("rule evaluation did not finish within " + deadline.toMillis() + " ms; it was stopped and no verdict is given");
    }
}
