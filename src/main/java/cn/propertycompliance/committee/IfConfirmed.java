package cn.propertycompliance.committee;

import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.vocabulary.Report;
import cn.propertycompliance.vocabulary.Reportable;
import java.util.List;

/**
 * A {@code committee.consequence} that follows only once reported conduct is confirmed to fall under a list that is
 * PENDING here (湖北: the list exists in law, its items are not available): the finding cites the consequence and each
 * of its actions says it applies "如经认定属于负面清单情形".
 */
public record IfConfirmed(ParameterValue consequence) implements Reportable {

    /** The consequence {@code name} in force, as a conditional finding part. */
    public static IfConfirmed consequence(ParameterView params, String name) {
        return new IfConfirmed(params.value(Consequences.TABLE, name));
    }

    public boolean isAvailable() {
        return consequence.isAvailable();
    }

    @Override
    public void report(Report finding) {
        finding.sources(List.of(consequence)).actions(Consequences.ifConfirmed(List.of(consequence)));
    }
}
