package cn.propertycompliance.filing;

/** The value type of {@code filing.inspectionLead}: 承接查验 at least {@code days} before delivery, by {@code by}. */
public record InspectionLead(int days, String by) {
}
