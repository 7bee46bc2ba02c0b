package cn.propertycompliance.repair;

import cn.propertycompliance.facts.Repair.EvidenceType;
import cn.propertycompliance.parameters.OptionalField;
import java.util.List;

/** The value type of {@code repair.emergencyList} (see {@link EmergencyListing}). */
public record EmergencyListEntry(boolean listed, @OptionalField String item, @OptionalField EmergencyListing.Condition condition,
                                 @OptionalField List<EvidenceType> evidence) {
}
