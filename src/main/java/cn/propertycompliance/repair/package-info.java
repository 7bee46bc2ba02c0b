/**
 * Pure helpers of the REPAIR rules (rules/**&#47;repair.drl): the owners' vote arithmetic, the warranty period,
 * the emergency list match and the committee's review period. No engine, no I/O: every number they use comes from
 * a parameter value passed in, so the values stay in the cited tables and these classes stay testable.
 * {@link cn.propertycompliance.repair.RepairAssessor} computes them once per evaluation (the rules match the derived
 * {@link cn.propertycompliance.repair.RepairAssessment} and {@link cn.propertycompliance.repair.VoteTally}); only
 * the review period of a local layer's own table is still computed by its rules.
 */
package cn.propertycompliance.repair;
