package cn.propertycompliance.policy;

/** OFFICIAL: read in the official text; SECONDARY: read only in a secondary copy, flagged for review. */
public enum SourceStatus {
    OFFICIAL,
    SECONDARY,
    /** An official text held only in part (e.g. a truncated preview): what the copy does not show is not known. */
    PARTIAL
}
