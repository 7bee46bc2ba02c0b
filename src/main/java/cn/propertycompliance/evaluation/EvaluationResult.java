package cn.propertycompliance.evaluation;

import cn.propertycompliance.region.Region;
import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.vocabulary.Finding;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
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

    /**
     * One rule of a requested area and what became of it (trace=true): {@code status} as before (FIRED, NOT_MATCHED,
     * NOT_YET_EFFECTIVE, EXPIRED, OVERRIDDEN_BY …, and OUTSIDE_REGION), {@code reason} and {@code detail} say why.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TracedRule(
            String ruleId,
            @Schema(description = "the rule's layer (GB/T 2260 code)") String jurisdiction,
            Area area,
            @Schema(description = "FIRED, NOT_MATCHED, NOT_YET_EFFECTIVE, EXPIRED, OVERRIDDEN_BY <rule ids>, OUTSIDE_REGION")
            String status,
            @Schema(description = "times the rule fired (one finding each, before identical ones are merged)") Integer fired,
            @Schema(description = "why the rule did or did not apply") TraceReason reason,
            @Schema(description = "NOT_IN_FORCE: the rule's span (\"in force from 2004-10-01\", \"… until 2022-01-01 (exclusive)\"); "
                    + "OUTSIDE_REGION: the layer and the request's chain; OVERRIDDEN: the overriding rule ids, comma-separated; "
                    + "CONDITION_NOT_MET: the first condition of the rule's `when` that no facts satisfied together with the "
                    + "ones before it, as written in the rule file")
            String detail,
            @Schema(description = "CONDITION_NOT_MET: file:line of that condition in the rule files") String at) {
    }

    /** Why a rule of a requested area did or did not apply, in the order the service decides it. */
    public enum TraceReason {
        /** Its layer is not on the request's chain (another province, city or district). */
        OUTSIDE_REGION,
        /** Its @effective/@expires span does not contain asOf. */
        NOT_IN_FORCE,
        /** A narrower layer's rule in force replaces it (@overrides). */
        OVERRIDDEN,
        /** Selected, but a condition did not match the facts. */
        CONDITION_NOT_MET,
        /** Selected and matched: it produced its finding(s). */
        FIRED
    }

    public EvaluationResult withDecisionId(String id) {
        return new EvaluationResult(id, release, region, asOf, outcome, areas, findings, trace);
    }
}
