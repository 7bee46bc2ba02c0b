package cn.propertycompliance.filing;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.facts.Filings.FilingType;
import cn.propertycompliance.parameters.ParameterEntry;
import cn.propertycompliance.parameters.ParameterStatus;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.RuleMeta;
import cn.propertycompliance.vocabulary.FindingCode;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** The repository's filing tables are usable by the rules: caught here, not as an INDETERMINATE in production. */
class FilingTablesTest {

    private static final Release RELEASE = RepoRelease.get();

    private static List<ParameterEntry> entries() {
        return RELEASE.parameters().table("filing.deadline").orElseThrow().entries();
    }

    @Test
    void everyValueReadsAsADeadline() {
        for (ParameterEntry e : entries()) {
            if (e.status() == ParameterStatus.PENDING) {
                continue;
            }
            ParameterValue v = RELEASE.parameters().lookup("filing.deadline", List.of(e.jurisdiction()), e.effectiveFrom(),
                    FilingType.valueOf(e.key().get("filing")));
            assertThat(v.getEntry()).as(e.where()).isEqualTo(e);
            assertThatCode(() -> FilingDeadline.of(v)).as(e.where()).doesNotThrowAnyException();
        }
    }

    @Test
    void everyPendingEntryHasANotRecordedRuleInItsLayerOrAbove() {
        for (ParameterEntry e : entries().stream().filter(x -> x.status() == ParameterStatus.PENDING).toList()) {
            List<String> layers = RepoRelease.REGIONS.resolve(e.jurisdiction()).orElseThrow().layers();
            List<RuleMeta> rules = RELEASE.rules().stream()
                    .filter(r -> r.code() == FindingCode.FILING_NOT_RECORDED && layers.contains(r.jurisdiction())
                            && r.inForceOn(e.effectiveFrom()))
                    .toList();
            assertThat(rules).as("a FILING_NOT_RECORDED rule for the PENDING entry at " + e.where()).isNotEmpty();
        }
    }

    @Test
    void everyFilingTypeIsConfiguredSomewhere() {
        assertThat(entries().stream().map(e -> e.key().get("filing")).distinct())
                .containsExactlyInAnyOrder("OWNER_COMMITTEE", "SERVICE_CONTRACT", "PRELIMINARY_CONTRACT", "HANDOVER_INSPECTION",
                        "MANAGEMENT_AREA", "PRELIMINARY_TENDER");
    }
}
