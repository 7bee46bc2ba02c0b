package cn.propertycompliance.repair;

import cn.propertycompliance.parameters.ParameterValue;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;

/**
 * The heating and/or cooling season of a region ({@code repair.heatingCoolingSeason}: {@code heatingStart},
 * {@code heatingEnd}, {@code coolingStart}, {@code coolingEnd} as "MM-dd", inclusive; a season may run over the new
 * year, e.g. 11-15 to 03-15).
 */
public record Seasons(List<Season> seasons) {

    public record Season(MonthDay start, MonthDay end) {

        /** Last day of the n-th season that begins strictly after {@code after} (n ≥ 1). */
        LocalDate lastDayOfNth(LocalDate after, int n) {
            int counted = 0;
            for (int year = after.getYear(); ; year++) {
                LocalDate begins = start.atYear(year);
                if (!begins.isAfter(after)) {
                    continue;
                }
                if (++counted == n) {
                    return end.isBefore(start) ? end.atYear(year + 1) : end.atYear(year);
                }
            }
        }
    }

    public static Seasons of(ParameterValue value) {
        List<Season> out = new ArrayList<>();
        HeatingCoolingSeason s = value.as(HeatingCoolingSeason.class);
        if (s.heatingStart() != null) {
            out.add(new Season(monthDay(s.heatingStart()), monthDay(s.heatingEnd())));
        }
        if (s.coolingStart() != null) {
            out.add(new Season(monthDay(s.coolingStart()), monthDay(s.coolingEnd())));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("repair.heatingCoolingSeason gives neither a heating nor a cooling season");
        }
        return new Seasons(List.copyOf(out));
    }

    /** The later of the seasons' n-th last days: a combined system is under warranty until both have passed. */
    public LocalDate lastDayOfNth(LocalDate acceptedOn, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("season count must be ≥ 1, got " + n);
        }
        return seasons.stream().map(s -> s.lastDayOfNth(acceptedOn, n)).max(LocalDate::compareTo).orElseThrow();
    }

    private static MonthDay monthDay(String mmdd) {
        return MonthDay.parse("--" + mmdd);
    }
}
