/**
 * Helpers the FILING rules call (五大备案 and the owner-committee filing): reading a {@code filing.deadline} value,
 * choosing the triggering event and the record that answers it, and judging it against a legal period of
 * {@link cn.propertycompliance.calendar.LegalCalendar}. Pure functions of their arguments; no state, no I/O.
 */
package cn.propertycompliance.filing;
