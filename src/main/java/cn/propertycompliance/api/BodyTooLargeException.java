package cn.propertycompliance.api;

/** The request body is larger than {@code compliance.api.max-body-bytes} (413). */
class BodyTooLargeException extends RuntimeException {

    BodyTooLargeException(int limit) {
        super("the request body is larger than " + limit + " bytes");
    }
}
