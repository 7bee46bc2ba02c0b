package cn.propertycompliance.evaluation;

import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.vocabulary.Finding;
import cn.propertycompliance.vocabulary.FindingCode;
import cn.propertycompliance.vocabulary.Severity;
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

    /**
     * An eligibility nothing decided is not compliant: when the REPAIR findings leave it UNDETERMINED and none of them
     * already says why (no INDETERMINATE and no VIOLATION), this finding does, so the area is INDETERMINATE.
     */
    static java.util.Optional<Finding> undecided(List<Finding> findings, String communityId) {
        List<Finding> repair = findings.stream().filter(f -> f.area() == Area.REPAIR).toList();
        if (!"UNDETERMINED".equals(of(findings)) || repair.stream().anyMatch(f -> f.severity() == Severity.INDETERMINATE
                || f.severity() == Severity.VIOLATION)) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Finding("REPAIR-ELIGIBILITY-UNDETERMINED", Area.REPAIR, FindingCode.FACTS_INCOMPLETE.name(),
                Severity.INDETERMINATE, "community:" + communityId,
                "维修资金使用资格无法判断：在所给事实和评价日期下，没有在施行中的规则判断应急使用或一般程序（补充类别、报修日期、表决等事实）",
                java.util.Map.of("eligibility", "UNDETERMINED"), List.of(), List.of()));
    }

    private static boolean isRaiseVote(Finding f) {
        return f.code().startsWith("VOTE_") && "RAISE".equals(String.valueOf(f.details().get("purpose")));
    }
}
