/**
 * Where and when the encoded law reaches: each jurisdiction declares, per area, the span of dates its encoding covers
 * and what held outside it ({@code coverage:} in jurisdiction.yaml). A question whose governing date or place the
 * encoding does not reach is answered INDETERMINATE ({@code LAW_NOT_COVERED}), never by another layer's silence.
 */
package cn.propertycompliance.coverage;
