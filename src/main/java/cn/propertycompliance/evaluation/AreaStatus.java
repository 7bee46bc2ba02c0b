package cn.propertycompliance.evaluation;

import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.vocabulary.Severity;
import java.util.Collection;

/** Area status and overall outcome, worst first (api.md: VIOLATION, then INDETERMINATE, then WARNING). */
public enum AreaStatus {
    NON_COMPLIANT, INDETERMINATE, NEEDS_REVIEW, COMPLIANT;

    public static AreaStatus of(Collection<Severity> severities) {
        if (severities.contains(Severity.VIOLATION)) {
            return NON_COMPLIANT;
        }
        if (severities.contains(Severity.INDETERMINATE)) {
            return INDETERMINATE;
        }
        if (severities.contains(Severity.WARNING)) {
            return NEEDS_REVIEW;
        }
        return COMPLIANT;
    }

    public static AreaStatus worst(Collection<AreaStatus> statuses) {
        return statuses.stream().min(Enum::compareTo).orElse(COMPLIANT);
    }
}
