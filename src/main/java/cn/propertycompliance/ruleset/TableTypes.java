package cn.propertycompliance.ruleset;

import cn.propertycompliance.calendar.RestDays;
import cn.propertycompliance.committee.AbsenceRule;
import cn.propertycompliance.committee.ConsequenceRule;
import cn.propertycompliance.committee.ListEntry;
import cn.propertycompliance.committee.PartyShareRule;
import cn.propertycompliance.committee.SizeRule;
import cn.propertycompliance.fee.GuidancePrice;
import cn.propertycompliance.fee.GuidedPricing;
import cn.propertycompliance.filing.FilingDeadline;
import cn.propertycompliance.filing.InspectionLead;
import cn.propertycompliance.parameters.Days;
import cn.propertycompliance.parameters.ParameterEntry;
import cn.propertycompliance.parameters.ParameterSet;
import cn.propertycompliance.parameters.ParameterStatus;
import cn.propertycompliance.parameters.ParameterTable;
import cn.propertycompliance.parameters.ValueBinder;
import cn.propertycompliance.repair.EmergencyListEntry;
import cn.propertycompliance.repair.ExcludedCause;
import cn.propertycompliance.repair.HeatingCoolingSeason;
import cn.propertycompliance.repair.VoteRuleValue;
import cn.propertycompliance.repair.WarrantyPeriod;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * Every parameter table's value type. When a release loads, each entry's value is bound to its table's record
 * ({@link ValueBinder}): a misspelt or missing field, a wrong enum value (an unknown action code in
 * {@code committee.consequence}, an unknown event in {@code filing.deadline} …) stops the release with the entry's
 * {@code file:line}, instead of failing during an evaluation. A table without a type is a warning.
 */
final class TableTypes {

    static final Map<String, Class<?>> TYPES = Map.ofEntries(
            Map.entry("calendar.restDays", RestDays.class),
            Map.entry("committee.absence", AbsenceRule.class),
            Map.entry("committee.consequence", ConsequenceRule.class),
            Map.entry("committee.negativeList", ListEntry.class),
            Map.entry("committee.negativeListBasis", cn.propertycompliance.committee.ListBasis.class),
            Map.entry("committee.qualification", ListEntry.class),
            Map.entry("committee.partyShare", PartyShareRule.class),
            Map.entry("committee.size", SizeRule.class),
            Map.entry("fee.changeNoticeDays", Days.class),
            Map.entry("fee.guidancePrice", GuidancePrice.class),
            Map.entry("fee.undisclosedChargeBan", cn.propertycompliance.fee.ChargeBan.class),
            Map.entry("fee.unilateralAdjustment", cn.propertycompliance.fee.AdjustmentRule.class),
            Map.entry("fee.guidedPricing", GuidedPricing.class),
            Map.entry("filing.deadline", FilingDeadline.class),
            Map.entry("filing.inspectionLead", InspectionLead.class),
            Map.entry("repair.applicationReview", cn.propertycompliance.repair.ApplicationReview.class),
            Map.entry("repair.committeeReviewDays", Days.class),
            Map.entry("repair.emergencyList", EmergencyListEntry.class),
            Map.entry("repair.emergencyProcedure", cn.propertycompliance.repair.EmergencyProcedure.class),
            Map.entry("repair.excludedCause", ExcludedCause.class),
            Map.entry("repair.heatingCoolingSeason", HeatingCoolingSeason.class),
            Map.entry("repair.preHandoverVoteRule", cn.propertycompliance.repair.CostSharingVoteRule.class),
            Map.entry("repair.voteRule", VoteRuleValue.class),
            Map.entry("repair.warrantyPeriod", WarrantyPeriod.class));

    private TableTypes() {
    }

    /** The tables with every value bound; each value that does not bind is a problem at its entry. */
    static ParameterSet bind(ParameterSet parameters, Problems problems) {
        Map<ParameterEntry, Object> typed = new IdentityHashMap<>();
        for (ParameterTable table : parameters.tables()) {
            Class<?> type = TYPES.get(table.name());
            if (type == null) {
                // A table no assessment reads has no type: whatever it holds decides nothing (a rule that names it in
                // params.value(…) is checked by the RuleLoader). Said, so that a misspelt table name is noticed.
                table.entries().stream().findFirst().ifPresent(e -> problems.warning(e.file(), e.line(), "parameter table '"
                        + table.name() + "' has no value type: its values are not checked (typed tables: "
                        + new TreeSet<>(TYPES.keySet()) + ")"));
                continue;
            }
            for (ParameterEntry e : table.entries()) {
                if (e.status() == ParameterStatus.PENDING || e.value().isEmpty()) {
                    continue;
                }
                try {
                    typed.put(e, ValueBinder.bind(e.value(), type));
                } catch (IllegalArgumentException ex) {
                    problems.error(e.file(), e.line(), "parameter " + table.name() + ": " + ex.getMessage());
                }
            }
        }
        return parameters.withTypedValues(typed);
    }
}
