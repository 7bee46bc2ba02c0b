package cn.propertycompliance.parameters;

/**
 * How far a parameter value can be trusted. OFFICIAL: read in the cited official text; SECONDARY: read only in a
 * secondary copy; INTERPRETATION: our stated reading of vague wording; PENDING: required by a text, value not
 * published — rules answer INDETERMINATE (or WARNING) for it, never "compliant".
 */
public enum ParameterStatus { OFFICIAL, SECONDARY, INTERPRETATION, PENDING }
