package cn.propertycompliance.evaluation;

import java.util.List;

/** The request body is not a valid evaluation request; lists every bad field at once. */
public class InvalidRequestException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidRequestException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public List<FieldError> errors() {
        return errors;
    }
}
