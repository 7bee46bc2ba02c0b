package cn.propertycompliance.decisions;

/** The decision could not be committed; the caller gets 503 and no verdict (a 200 always means recorded). */
public class DecisionNotRecordedException extends RuntimeException {

    public DecisionNotRecordedException(String message, Throwable cause) {
        super(message, cause);
    }
}
