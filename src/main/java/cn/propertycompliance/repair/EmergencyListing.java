package cn.propertycompliance.repair;

import cn.propertycompliance.facts.Repair;
import cn.propertycompliance.parameters.ParameterValue;
import java.util.ArrayList;
import java.util.List;

/**
 * Does the repair fall under the jurisdiction's list of emergencies for which the fund may be used without the
 * owners' vote ({@code repair.emergencyList}, keyed by category)? An entry says {@code listed}, the list item's
 * words ({@code item}), an optional {@code condition} the item's own wording adds, and the {@code evidence} types the
 * text requires.
 *
 * <p>Conditions: {@code IMPAIRS_USE_OR_SAFETY} — the item is qualified by its effect or severity (影响正常使用,
 * 无法正常使用, 严重…, 其他危及…); met when {@code repair.endangersSafety} is true. {@code NOT_UTILITY_FACILITY} —
 * 清远 第五十三条第（五）项 "未移交供水公司的": met when the cause is known and is not a utility-owned facility.
 */
public record EmergencyListing(Status status, String item, List<String> missingEvidence, List<String> missingFacts,
                               String notListedReason) {

    public enum Status { LISTED, EVIDENCE_MISSING, NOT_LISTED, FACTS_MISSING, UNAVAILABLE }

    public enum Condition { NONE, IMPAIRS_USE_OR_SAFETY, NOT_UTILITY_FACILITY }

    public static EmergencyListing of(Repair repair, ParameterValue list) {
        if (repair.category() == null) {
            return new EmergencyListing(Status.FACTS_MISSING, null, List.of(), List.of("repair.category"), null);
        }
        if (list == null || list.isUnavailable()) {
            return new EmergencyListing(Status.UNAVAILABLE, null, List.of(), List.of(), null);
        }
        EmergencyListEntry entry = list.as(EmergencyListEntry.class);
        String item = entry.item() != null ? entry.item() : repair.category().chineseName();
        if (!entry.listed()) {
            return new EmergencyListing(Status.NOT_LISTED, item, List.of(), List.of(), "不在本地应急使用情形之列");
        }
        Condition condition = entry.condition() != null ? entry.condition() : Condition.NONE;
        switch (condition) {
            case IMPAIRS_USE_OR_SAFETY -> {
                if (repair.endangersSafety() == null) {
                    return new EmergencyListing(Status.FACTS_MISSING, item, List.of(), List.of("repair.endangersSafety"), null);
                }
                if (!repair.endangersSafety()) {
                    return new EmergencyListing(Status.NOT_LISTED, item, List.of(), List.of(),
                            "未影响房屋正常使用或者人身财产安全，不符合“" + item + "”");
                }
            }
            case NOT_UTILITY_FACILITY -> {
                if (repair.cause() == null) {
                    return new EmergencyListing(Status.FACTS_MISSING, item, List.of(), List.of("repair.cause"), null);
                }
                if (repair.cause() == Repair.Cause.UTILITY_FACILITY) {
                    return new EmergencyListing(Status.NOT_LISTED, item, List.of(), List.of(), "属于已移交专业经营单位的设施");
                }
            }
            case NONE -> {
            }
        }
        List<String> missing = new ArrayList<>();
        for (Repair.EvidenceType type : entry.evidence() == null ? List.<Repair.EvidenceType>of() : entry.evidence()) {
            if (!repair.evidenceTypes().contains(type.name())) {
                missing.add(type.name());
            }
        }
        if (!missing.isEmpty()) {
            return new EmergencyListing(Status.EVIDENCE_MISSING, item, List.copyOf(missing), List.of(), null);
        }
        return new EmergencyListing(Status.LISTED, item, List.of(), List.of(), null);
    }

    /** The missing evidence in Chinese, for messages. */
    public List<String> missingEvidenceNames() {
        return missingEvidence.stream().map(t -> Repair.EvidenceType.valueOf(t).chineseName()).toList();
    }

    public boolean isListed() {
        return status == Status.LISTED;
    }

    public boolean isEvidenceMissing() {
        return status == Status.EVIDENCE_MISSING;
    }

    public boolean isNotListed() {
        return status == Status.NOT_LISTED;
    }

    public boolean isFactsMissing() {
        return status == Status.FACTS_MISSING;
    }

    public boolean isUnavailable() {
        return status == Status.UNAVAILABLE;
    }
}
