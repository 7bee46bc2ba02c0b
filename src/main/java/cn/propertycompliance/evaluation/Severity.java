package cn.propertycompliance.evaluation;

/** Finding severity (api.md). */
public enum Severity { VIOLATION, WARNING, INFO, INDETERMINATE }
