package cn.propertycompliance.evaluation;

import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.vocabulary.Finding;
import cn.propertycompliance.vocabulary.FindingCode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class RepairEligibilityTest {

    private static Finding finding(String code, Map<String, Object> details) {
        FindingCode c = FindingCode.valueOf(code);
        return new Finding("T", Area.REPAIR, code, c.severity(), "vote", "m", details, List.of(), List.of());
    }

    private static String of(Finding... findings) {
        return RepairEligibility.of(Arrays.asList(findings));
    }

    @Test
    void precedence() {
        Finding notFundable = finding("REPAIR_NOT_FUNDABLE", Map.of());
        Finding eligible = finding("REPAIR_EMERGENCY_ELIGIBLE", Map.of());
        Finding normal = finding("REPAIR_NOT_EMERGENCY", Map.of());
        Finding passed = finding("VOTE_PASSED", Map.of("purpose", "USE"));
        Finding failed = finding("VOTE_FAILED", Map.of("purpose", "USE"));
        Finding noQuorum = finding("VOTE_QUORUM_NOT_MET", Map.of("purpose", "USE"));
        assertThat(of(notFundable, eligible)).isEqualTo("NOT_FUNDABLE");
        assertThat(of(eligible, failed)).isEqualTo("EMERGENCY_USE");
        assertThat(of(normal, failed)).isEqualTo("NORMAL_USE_VOTE_FAILED");
        assertThat(of(normal, noQuorum)).isEqualTo("NORMAL_USE_VOTE_FAILED");
        assertThat(of(normal, passed)).isEqualTo("NORMAL_USE_VOTE_PASSED");
        assertThat(of(normal)).isEqualTo("NORMAL_USE_VOTE_REQUIRED");
        assertThat(of(finding("REPAIR_EMERGENCY_EVIDENCE_MISSING", Map.of()))).isEqualTo("UNDETERMINED");
        assertThat(of()).isEqualTo("UNDETERMINED");
    }

    @Test
    void aVoteToRaiseTheFundDoesNotDecideItsUse() {
        Finding normal = finding("REPAIR_NOT_EMERGENCY", Map.of());
        assertThat(of(normal, finding("VOTE_PASSED", Map.of("purpose", "RAISE")))).isEqualTo("NORMAL_USE_VOTE_REQUIRED");
        assertThat(of(normal, finding("VOTE_FAILED", Map.of("purpose", "RAISE")))).isEqualTo("NORMAL_USE_VOTE_REQUIRED");
    }
}
