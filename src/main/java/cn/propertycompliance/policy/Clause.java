package cn.propertycompliance.policy;

/** One addressable clause (条/款/项 or a notice's item) with its exact text and where it sits in the file. */
public record Clause(String id, String text, int line) {
}
