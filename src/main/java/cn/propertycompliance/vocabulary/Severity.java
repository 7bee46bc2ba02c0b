package cn.propertycompliance.vocabulary;

/** Finding severity (api.md). */
public enum Severity { VIOLATION, WARNING, INFO, INDETERMINATE }
