package cn.propertycompliance.repair;

import cn.propertycompliance.parameters.Days;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.vocabulary.Report;
import cn.propertycompliance.vocabulary.Reportable;

/**
 * The owners' committee's review period for an emergency repair plan in force ({@code repair.committeeReviewDays},
 * 上海 第七十三条第三款第（二）项: 七日), read as its typed value ({@link Days}) so that no rule reads a table field by name.
 * It reports the period as {@code details.reviewDays} (an action's {@code within} can name it: {@code "{reviewDays}"})
 * with the entry it rests on.
 */
public record ReviewDays(ParameterValue value) implements Reportable {

    public static final String TABLE = "repair.committeeReviewDays";

    public static ReviewDays of(ParameterView params) {
        return new ReviewDays(params.value(TABLE));
    }

    public boolean isAvailable() {
        return value.isAvailable();
    }

    /** The number of days; only for an available value. */
    public int days() {
        return value.as(Days.class).days();
    }

    @Override
    public void report(Report finding) {
        finding.source(value);
        if (value.isAvailable()) {
            finding.detail("reviewDays", days());
        }
    }
}
