package cn.propertycompliance.decisions;

/** The requestId was used before with a different body (409). */
public class RequestIdConflictException extends RuntimeException {

    public RequestIdConflictException(String requestId) {
        super("requestId " + requestId + " was already used with a different request body");
    }
}
