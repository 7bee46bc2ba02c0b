package cn.propertycompliance.review;

import cn.propertycompliance.ruleset.RuleMeta;
import java.util.List;

/** A rule with the passing cases in which it fires (positive) and those in which it could but does not (negative). */
public record RuleTrace(RuleMeta rule, List<CaseRun> positive, List<CaseRun> negative) {

    public boolean covered() {
        return !positive.isEmpty() && !negative.isEmpty();
    }
}
