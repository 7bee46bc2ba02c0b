package cn.propertycompliance.vocabulary;

import cn.propertycompliance.policy.Citation;
import java.util.List;
import java.util.Map;

/** One finding of the response (api.md). */
public record Finding(
        String ruleId,
        Area area,
        String code,
        Severity severity,
        String subject,
        String message,
        Map<String, Object> details,
        List<Action> actions,
        List<Citation> citations) {
}
