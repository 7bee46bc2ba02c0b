package cn.propertycompliance.repair;

import cn.propertycompliance.facts.Community;
import cn.propertycompliance.facts.Repair;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.parameters.ParameterView;

/**
 * Where one repair stands at asOf against the three questions of the REPAIR rules (rules/national/repair.drl): may the
 * fund pay at all, is it an emergency on the list, which normal procedure applies. Derived once per evaluation
 * ({@link RepairAssessor#derive}) so that the rules match it with plain constraints instead of each rule looking up
 * the same tables and recomputing the same checks.
 *
 * <p>The parameter values are kept, not only what was read from them: findings cite them ({@code .parameter(...)}).
 *
 * @param warrantyPeriod       {@code repair.warrantyPeriod} for the component (bar 1: 165号令 第十八条)
 * @param heatingCoolingSeason {@code repair.heatingCoolingSeason} (bar 1, heating/cooling systems; cited by the
 *                             warranty PARAMETER_UNAVAILABLE finding whichever table is lacking)
 * @param warranty             the warranty judged on the report day from those two values
 * @param excludedCause        {@code repair.excludedCause} for the cause (bar 2: a liable party pays when available)
 * @param emergencyList        {@code repair.emergencyList} for the category (route: emergency or normal procedure)
 * @param listing              the repair's facts matched against that entry
 * @param useVoteRule          {@code repair.voteRule} for USE at asOf: the normal procedure's owners' vote, cited by
 *                             the REPAIR_NOT_EMERGENCY findings (a vote already held is judged by the rule of its day:
 *                             {@link VoteTally})
 */
public record RepairAssessment(Repair repair, Community community, ParameterValue warrantyPeriod,
                               ParameterValue heatingCoolingSeason, WarrantyCheck warranty, ParameterValue excludedCause,
                               ParameterValue emergencyList, EmergencyListing listing, ParameterValue useVoteRule) {

    /**
     * Reads the four national REPAIR tables (each may be replaced by a local layer) with the lookups the rules made
     * themselves before: keys as sent, so a missing component, cause or category is looked up as such (and the
     * checks answer FACTS_MISSING where it matters). Local-only tables (e.g. 上海 repair.committeeReviewDays) stay
     * in their layer's rules.
     */
    public static RepairAssessment of(ParameterView params, Community community, Repair repair) {
        ParameterValue period = params.value("repair.warrantyPeriod", repair.component());
        ParameterValue seasons = params.value("repair.heatingCoolingSeason");
        ParameterValue list = params.value("repair.emergencyList", repair.category());
        return new RepairAssessment(repair, community, period, seasons,
                WarrantyCheck.of(repair, community, params.asOf(), period, seasons),
                params.value("repair.excludedCause", repair.cause()), list, EmergencyListing.of(repair, list),
                params.value("repair.voteRule", "USE"));
    }
}
