package cn.propertycompliance.evaluation;

/** One bad field of a request: its path in the body (e.g. {@code fee.chargedPrice}) and what is wrong. */
public record FieldError(String field, String message) {
}
