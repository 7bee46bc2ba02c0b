package cn.propertycompliance.ruleset;

/** A folder of {@code rules/} and the GB/T 2260 layer its rules and tables belong to (its jurisdiction.yaml). */
public record Jurisdiction(String code, String name, String folder) {
}
