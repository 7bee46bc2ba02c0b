package cn.propertycompliance.parameters;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The most specific layer with a value in force wins; broader layers fill in before and after it. */
class ParameterSetTest {

    private static ParameterEntry entry(String layer, Map<String, String> key, Object days, String from, String to,
                                        ParameterStatus status) {
        return new ParameterEntry("filing.days", layer, key, days == null ? Map.of() : Map.of("days", days),
                LocalDate.parse(from), to == null ? null : LocalDate.parse(to), status, List.of(), List.of(), null, false,
                "test.yaml", 1);
    }

    private final ParameterSet set = new ParameterSet(Map.of("filing.days", new ParameterTable("filing.days", null, null,
            List.of("filing"), List.of(
                    entry("000000", Map.of(), new BigDecimal(30), "2003-09-01", null, ParameterStatus.OFFICIAL),
                    entry("110000", Map.of("filing", "SERVICE_CONTRACT"), new BigDecimal(15), "2020-05-01", null, ParameterStatus.OFFICIAL),
                    entry("420000", Map.of(), null, "2021-06-09", "2025-12-31", ParameterStatus.PENDING)))));

    private static final List<String> BEIJING = List.of("000000", "110000", "110105");
    private static final List<String> WUHAN = List.of("000000", "420000", "420100");

    @Test
    void theMostSpecificLayerInForceWins() {
        ParameterValue v = set.lookup("filing.days", BEIJING, LocalDate.parse("2024-01-01"), "SERVICE_CONTRACT");
        assertThat(v.isAvailable()).isTrue();
        assertThat(v.integer("days")).isEqualTo(15);
        assertThat(v.getJurisdiction()).isEqualTo("110000");
    }

    @Test
    void beforeTheLocalValueTakesEffectTheBroaderOneApplies() {
        ParameterValue v = set.lookup("filing.days", BEIJING, LocalDate.parse("2020-04-30"), "SERVICE_CONTRACT");
        assertThat(v.integer("days")).isEqualTo(30);
        assertThat(v.getJurisdiction()).isEqualTo("000000");
    }

    @Test
    void aKeyTheLocalLayerDoesNotSetFallsBackToTheWildcardOfABroaderLayer() {
        ParameterValue v = set.lookup("filing.days", BEIJING, LocalDate.parse("2024-01-01"), "OWNER_COMMITTEE");
        assertThat(v.getJurisdiction()).isEqualTo("000000");
    }

    @Test
    void aPendingLocalValueIsFoundButNotAvailableAndExpires() {
        ParameterValue pending = set.lookup("filing.days", WUHAN, LocalDate.parse("2024-01-01"), "SERVICE_CONTRACT");
        assertThat(pending.isFound()).isTrue();
        assertThat(pending.isAvailable()).isFalse();
        assertThat(pending.getReason()).contains("PENDING");
        ParameterValue afterExpiry = set.lookup("filing.days", WUHAN, LocalDate.parse("2026-01-01"), "SERVICE_CONTRACT");
        assertThat(afterExpiry.getJurisdiction()).isEqualTo("000000");
        assertThat(afterExpiry.isAvailable()).isTrue();
    }

    @Test
    void aTableTheReleaseDoesNotShipHasNoValueAnywhere() {
        ParameterValue v = set.lookup("fee.guidedPricing", BEIJING, LocalDate.parse("2024-01-01"));
        assertThat(v.isFound()).isFalse();
        assertThat(v.isAvailable()).isFalse();
    }

    @Test
    void effectiveToIsTheLastDayInForce() {
        assertThat(set.lookup("filing.days", WUHAN, LocalDate.parse("2025-12-31"), "X").getJurisdiction()).isEqualTo("420000");
    }

    @Test
    void aViewOfOneLayerSeesOnlyThatLayersEntries() {
        ParameterView beijing = new ParameterView(set, BEIJING, LocalDate.parse("2024-01-01"));
        // The chain gives Beijing's 15 days; the national layer alone still has its 30.
        assertThat(beijing.value("filing.days", "SERVICE_CONTRACT").integer("days")).isEqualTo(15);
        ParameterValue national = beijing.onlyLayer("000000").value("filing.days", "SERVICE_CONTRACT");
        assertThat(national.integer("days")).isEqualTo(30);
        assertThat(national.getJurisdiction()).isEqualTo("000000");
        // Beijing's own layer has no wildcard: another key is not found there (no fall-through to the nation).
        assertThat(beijing.onlyLayer("110000").value("filing.days", "OWNER_COMMITTEE").isFound()).isFalse();
        assertThat(beijing.onlyLayer("110000").value("filing.days", "SERVICE_CONTRACT").integer("days")).isEqualTo(15);
        // A layer outside the chain (or the district, which has no entries) sees nothing.
        assertThat(beijing.onlyLayer("420000").value("filing.days", "SERVICE_CONTRACT").isFound()).isFalse();
        assertThat(beijing.onlyLayer("110105").value("filing.days", "SERVICE_CONTRACT").isFound()).isFalse();
        // The date and valueOn still apply.
        assertThat(beijing.onlyLayer("110000").valueOn(LocalDate.parse("2020-04-30"), "filing.days", "SERVICE_CONTRACT").isFound()).isFalse();
        assertThat(beijing.onlyLayer("110000").asOf()).isEqualTo(LocalDate.parse("2024-01-01"));
        assertThat(beijing.onlyLayer("110000").layers()).containsExactly("110000");
    }

    @Test
    void nothingInForceIsNotFound() {
        ParameterValue v = set.lookup("filing.days", BEIJING, LocalDate.parse("2000-01-01"), "SERVICE_CONTRACT");
        assertThat(v.isFound()).isFalse();
        assertThat(v.isUnavailable()).isTrue();
    }
}
