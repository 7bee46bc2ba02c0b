package cn.propertycompliance.repair;

import cn.propertycompliance.facts.Community;
import cn.propertycompliance.facts.Repair;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.vocabulary.Report;
import cn.propertycompliance.vocabulary.Reportable;
import java.util.List;

/**
 * Where one repair stands at asOf against the three questions of the REPAIR rules (rules/national/repair.drl): may the
 * fund pay at all, is it an emergency on the list, which normal procedure applies. Derived once per evaluation
 * ({@link RepairAssessor#derive}) so that the rules match it with plain constraints instead of each rule looking up
 * the same tables and recomputing the same checks.
 *
 * <p>The parameter values are kept, not only what was read from them: findings cite them. A rule reports the repair
 * ({@code about($a)}: subject and what was repaired) and the part of the assessment its finding rests on
 * ({@link #warrantyFinding()}, {@link #liableParty()}, {@link #listingFinding()}), each with the entries it read.
 *
 * @param warrantyPeriod       {@code repair.warrantyPeriod} for the component (bar 1: 165号令 第十八条)
 * @param heatingCoolingSeason {@code repair.heatingCoolingSeason} (bar 1, heating/cooling systems; cited by the
 *                             warranty PARAMETER_UNAVAILABLE finding whichever table is lacking)
 * @param warranty             the warranty judged on the report day from those two values
 * @param excludedCause        {@code repair.excludedCause} for the cause (bar 2: a liable party pays when available)
 * @param emergencyList        {@code repair.emergencyList} for the category (route: emergency or normal procedure)
 * @param listing              the repair's facts matched against that entry
 * @param applicationReview {@code repair.applicationReview}: a local review step of every application (山西), whose
 *                             actions join the route findings
 * @param emergencyProcedure {@code repair.emergencyProcedure}: the procedure for a listed emergency, where it differs
 *                             from another layer's only in its steps and wording
 * @param useVoteRule          {@code repair.voteRule} for USE at asOf: the normal procedure's owners' vote, cited by
 *                             the REPAIR_NOT_EMERGENCY findings (a vote already held is judged by the rule of its day:
 *                             {@link VoteTally})
 */
public record RepairAssessment(Repair repair, Community community, ParameterValue warrantyPeriod,
                               ParameterValue heatingCoolingSeason, WarrantyCheck warranty, ParameterValue excludedCause,
                               ParameterValue emergencyList, EmergencyListing listing, ParameterValue useVoteRule,
                               ParameterValue applicationReview, ParameterValue emergencyProcedure) implements Reportable {

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
                params.value("repair.voteRule", "USE"), params.value("repair.applicationReview"),
                params.value("repair.emergencyProcedure"));
    }

    /** {@code repair:ID}; a repair sent without an id stays on the community (its id is optional in api.md). */
    @Override
    public String subject() {
        return repair.id() == null ? null : "repair:" + repair.id();
    }

    /** What was repaired. */
    @Override
    public void report(Report finding) {
        finding.detail("category", repair.category())
                .detail("categoryName", repair.category() == null ? null : repair.category().chineseName())
                .detail("component", repair.component())
                .detail("componentName", repair.component() == null ? null : repair.component().chineseName());
    }

    /** Bar 1: the warranty check with the entries it read (the warranty period; the seasons when they were lacking). */
    public Reportable getWarrantyFinding() {
        return finding -> {
            switch (warranty.status()) {
                case WITHIN -> finding.source(warrantyPeriod).detail("reason", "WITHIN_WARRANTY")
                        // 建设工程质量管理条例 第四十一条: within warranty the builder repairs, whoever the contractor was
                        .detail("liableParty", "DEVELOPER_OR_CONTRACTOR").detail("liablePartyName", "建设单位或者施工单位")
                        .detail("period", warranty.periodText()).detail("acceptedOn", warranty.acceptedOn())
                        .detail("warrantyLastDay", warranty.lastDay()).detail("judgedOn", warranty.judgedOn());
                case FACTS_MISSING, DESIGN_LIFE_UNKNOWN -> finding.detail("missing", warranty.missing());
                case PARAMETER_UNAVAILABLE -> finding.source(heatingCoolingSeason).source(warrantyPeriod)
                        .detail("parameter", warranty.unavailableParameter()).detail("reason", warranty.unavailableReason());
                case ENDED -> {
                }
            }
        };
    }

    /** Bar 2: the party a liable cause makes pay, from {@code repair.excludedCause}. */
    public Reportable getLiableParty() {
        return finding -> finding.source(excludedCause).detail("reason", repair.cause())
                .detail("causeName", repair.cause() == null ? null : repair.cause().chineseName())
                .detail("liableParty", excludedCause.isAvailable() ? excludedCause.as(ExcludedCause.class).liableParty() : null)
                .detail("liablePartyName", excludedCause.isAvailable() ? excludedCause.as(ExcludedCause.class).liablePartyName() : null);
    }

    /** The emergency procedure in force: its summary ({@code details.procedure}) and its steps. */
    public Reportable getProcedureFinding() {
        return finding -> {
            if (emergencyProcedure.isAvailable()) {
                EmergencyProcedure p = emergencyProcedure.as(EmergencyProcedure.class);
                finding.source(emergencyProcedure).detail("procedure", p.summary()).detail("publicityDays", p.publicityDays())
                        .actions(p.actions().stream().map(a -> a.toAction("")).toList());
            }
        };
    }

    /**
     * The route: the emergency-list entry and what the repair's facts made of it; for a repair not on the list, the
     * normal procedure's vote rule ({@code repair.voteRule} for USE) too.
     */
    public Reportable getListingFinding() {
        return finding -> {
            finding.source(emergencyList).detail("item", listing.item());
            if (applicationReview.isAvailable() && (listing.isListed() || listing.isNotListed())) {
                finding.sources(List.of(applicationReview))
                        .actions(applicationReview.as(ApplicationReview.class).actions().stream().map(a -> a.toAction("")).toList());
            }
            switch (listing.status()) {
                case EVIDENCE_MISSING -> finding.detail("missingEvidence", listing.missingEvidence())
                        .detail("missingEvidenceNames", listing.missingEvidenceNames());
                case FACTS_MISSING -> finding.detail("missing", listing.missingFacts());
                case UNAVAILABLE -> finding.detail("parameter", "repair.emergencyList").detail("reason", emergencyList.getReason());
                case NOT_LISTED -> finding.source(useVoteRule).detail("notListedReason", listing.notListedReason())
                        .detail("fundHandedToOwnersAssembly", repair.fundHandedToOwnersAssembly());
                case LISTED -> {
                }
            }
        };
    }
}
