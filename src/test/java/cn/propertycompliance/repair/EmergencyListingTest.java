package cn.propertycompliance.repair;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.facts.Repair;
import cn.propertycompliance.facts.Repair.Category;
import cn.propertycompliance.facts.Repair.Cause;
import cn.propertycompliance.facts.Repair.Evidence;
import cn.propertycompliance.facts.Repair.EvidenceType;
import cn.propertycompliance.parameters.ParameterValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class EmergencyListingTest {

    private static final ParameterValue SH_LIFT = TestParams.value("listed", true, "item", "电梯故障…",
            "evidence", List.of("INSPECTION_RECTIFICATION_NOTICE"));
    private static final ParameterValue CATCH_ALL = TestParams.value("listed", true, "item", "其他…", "condition", "IMPAIRS_USE_OR_SAFETY");
    private static final ParameterValue WATER = TestParams.value("listed", true, "item", "未移交供水公司的…", "condition", "NOT_UTILITY_FACILITY");

    private static Repair repair(Category category, Boolean endangers, Cause cause, EvidenceType... evidence) {
        return new Repair("R", category, null, endangers, java.util.Arrays.stream(evidence).map(t -> new Evidence(t, null)).toList(),
                cause, null, null, null, null, null, null);
    }

    @Test
    void evidenceTheListRequires() {
        EmergencyListing without = EmergencyListing.of(repair(Category.ELEVATOR_FAULT, null, Cause.WEAR), SH_LIFT);
        assertThat(without.status()).isEqualTo(EmergencyListing.Status.EVIDENCE_MISSING);
        assertThat(without.missingEvidence()).containsExactly("INSPECTION_RECTIFICATION_NOTICE");
        assertThat(without.missingEvidenceNames()).containsExactly("检测机构出具的整改（停运）通知书");
        EmergencyListing with = EmergencyListing.of(repair(Category.ELEVATOR_FAULT, null, Cause.WEAR, EvidenceType.INSPECTION_RECTIFICATION_NOTICE), SH_LIFT);
        assertThat(with.status()).isEqualTo(EmergencyListing.Status.LISTED);
        // other evidence does not stand in for the notice
        assertThat(EmergencyListing.of(repair(Category.ELEVATOR_FAULT, null, Cause.WEAR, EvidenceType.SITE_PHOTOS), SH_LIFT).status())
                .isEqualTo(EmergencyListing.Status.EVIDENCE_MISSING);
    }

    @Test
    void aCatchAllNeedsTheDanger() {
        assertThat(EmergencyListing.of(repair(Category.OTHER_DANGER, true, Cause.WEAR), CATCH_ALL).status()).isEqualTo(EmergencyListing.Status.LISTED);
        assertThat(EmergencyListing.of(repair(Category.OTHER_DANGER, false, Cause.WEAR), CATCH_ALL).status()).isEqualTo(EmergencyListing.Status.NOT_LISTED);
        EmergencyListing unknown = EmergencyListing.of(repair(Category.OTHER_DANGER, null, Cause.WEAR), CATCH_ALL);
        assertThat(unknown.status()).isEqualTo(EmergencyListing.Status.FACTS_MISSING);
        assertThat(unknown.missingFacts()).containsExactly("repair.endangersSafety");
    }

    @Test
    void secondaryWaterOnlyWhenNotHandedToTheWaterCompany() {
        assertThat(EmergencyListing.of(repair(Category.SECONDARY_WATER_SUPPLY_FAILURE, null, Cause.WEAR), WATER).status())
                .isEqualTo(EmergencyListing.Status.LISTED);
        assertThat(EmergencyListing.of(repair(Category.SECONDARY_WATER_SUPPLY_FAILURE, null, Cause.UTILITY_FACILITY), WATER).status())
                .isEqualTo(EmergencyListing.Status.NOT_LISTED);
        assertThat(EmergencyListing.of(repair(Category.SECONDARY_WATER_SUPPLY_FAILURE, null, null), WATER).missingFacts())
                .containsExactly("repair.cause");
    }

    @Test
    void notListedAndUnavailable() {
        assertThat(EmergencyListing.of(repair(Category.NON_EMERGENCY, null, Cause.WEAR), TestParams.value("listed", false)).status())
                .isEqualTo(EmergencyListing.Status.NOT_LISTED);
        assertThat(EmergencyListing.of(repair(Category.ELEVATOR_FAULT, null, Cause.WEAR), TestParams.pending()).status())
                .isEqualTo(EmergencyListing.Status.UNAVAILABLE);
        assertThat(EmergencyListing.of(repair(null, null, Cause.WEAR), SH_LIFT).missingFacts()).containsExactly("repair.category");
    }
}
