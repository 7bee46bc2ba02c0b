package cn.propertycompliance.evaluation;

/** Rule evaluation did not finish within the firing limit, or a rule failed: a server-side fault, never a verdict. */
public class RunawayRulesException extends RuntimeException {

    public RunawayRulesException(String message) {
        super(message);
    }

    public RunawayRulesException(String message, Throwable cause) {
        super(message, cause);
    }
}
