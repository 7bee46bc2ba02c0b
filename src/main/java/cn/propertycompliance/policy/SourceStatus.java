package cn.propertycompliance.policy;

/** OFFICIAL: read in the official text; SECONDARY: read only in a secondary copy, flagged for review. */
public enum SourceStatus { OFFICIAL, SECONDARY }
