package cn.propertycompliance.evaluation;

import cn.propertycompliance.region.Region;
import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.vocabulary.Finding;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The verdict of one evaluation: the response body of api.md before a decision id is attached. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EvaluationResult(
        String decisionId,
        ReleaseRef release,
        Region region,
        LocalDate asOf,
        AreaStatus outcome,
        Map<Area, AreaResult> areas,
        List<Finding> findings,
        List<TracedRule> trace) {

    public record ReleaseRef(String id, String label) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AreaResult(AreaStatus status, String eligibility) {
    }

    /** One rule of the request's jurisdiction chain and area, and what became of it (trace=true). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TracedRule(String ruleId, String jurisdiction, Area area, String status, Integer fired) {
    }

    public EvaluationResult withDecisionId(String id) {
        return new EvaluationResult(id, release, region, asOf, outcome, areas, findings, trace);
    }
}
