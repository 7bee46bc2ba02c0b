/**
 * Legal periods (民法典 第二百零一条、第二百零三条) over the statutory holidays and make-up working days of the State
 * Council's yearly notices. The table is part of each rule release ({@code rules/national/calendar/}); rules reach it
 * through the {@code calendar} global.
 */
package cn.propertycompliance.calendar;
