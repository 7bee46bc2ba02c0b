package cn.propertycompliance.decisions;

/** Another decision with the same requestId was committed first (a concurrent or repeated call). */
public class DuplicateRequestIdException extends RuntimeException {

    public DuplicateRequestIdException(String requestId) {
        super("requestId " + requestId + " is already recorded");
    }
}
