package cn.propertycompliance.calendar;

/** The value type of {@code calendar.restDays}: whether Saturdays and Sundays count as 法定休假日 (an INTERPRETATION). */
public record RestDays(boolean weekendsAreStatutoryRestDays) {
}
