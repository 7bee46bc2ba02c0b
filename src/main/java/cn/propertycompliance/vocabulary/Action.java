package cn.propertycompliance.vocabulary;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What must happen next; {@code by} (who acts) and {@code within} (days) where the rule knows them. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Action(String code, String message, String by, Integer within) {
}
