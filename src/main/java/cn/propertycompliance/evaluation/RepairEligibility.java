package cn.propertycompliance.evaluation;

import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.vocabulary.Finding;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code areas.REPAIR.eligibility} (api.md), read off the REPAIR findings: a bar on funding outranks everything,
 * then the emergency route, then the owners' vote. Only a vote on using the fund (purpose USE, 民法典 第二百七十八条
 * 第一款第（五）项) decides normal use; the result of a vote on raising it (RAISE) is reported but authorises no repair.
 */
final class RepairEligibility {

    private RepairEligibility() {
    }

    static String of(List<Finding> findings) {
        Set<String> codes = findings.stream().filter(f -> f.area() == Area.REPAIR).filter(f -> !isRaiseVote(f))
                .map(Finding::code).collect(Collectors.toSet());
        if (codes.contains("REPAIR_NOT_FUNDABLE")) {
            return "NOT_FUNDABLE";
        }
        if (codes.contains("REPAIR_EMERGENCY_ELIGIBLE")) {
            return "EMERGENCY_USE";
        }
        if (codes.contains("VOTE_FAILED") || codes.contains("VOTE_QUORUM_NOT_MET")) {
            return "NORMAL_USE_VOTE_FAILED";
        }
        if (codes.contains("VOTE_PASSED")) {
            return "NORMAL_USE_VOTE_PASSED";
        }
        if (codes.contains("REPAIR_NOT_EMERGENCY")) {
            return "NORMAL_USE_VOTE_REQUIRED";
        }
        return "UNDETERMINED";
    }

    private static boolean isRaiseVote(Finding f) {
        return f.code().startsWith("VOTE_") && "RAISE".equals(String.valueOf(f.details().get("purpose")));
    }
}
