/**
 * The legal review report (法制审核报告): clause ↔ rule ↔ parameter ↔ scenario case traceability, gaps, cross-layer
 * conflicts and test coverage of one rule release, computed from the release itself (cases are actually run) and
 * rendered as HTML ({@code /review}) and Markdown ({@link cn.propertycompliance.review.ReviewReportCommand}).
 * Nothing here is Spring; the api package serves it.
 */
package cn.propertycompliance.review;
