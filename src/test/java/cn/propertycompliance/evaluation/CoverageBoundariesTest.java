package cn.propertycompliance.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import cn.propertycompliance.RepoRelease;
import cn.propertycompliance.coverage.AreaCoverage;
import cn.propertycompliance.region.Region;
import cn.propertycompliance.ruleset.Jurisdiction;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.vocabulary.Finding;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * "Never a silent pass", walked: every jurisdiction × area × governing date at each boundary of every declared span
 * (the day before it starts, its first day, its last day, the day after), plus a date long before any encoding. Where
 * the coverage says the law is unknown the area must not be COMPLIANT and must say why (LAW_NOT_COVERED); where it is
 * covered, no coverage finding may appear for that place.
 */
class CoverageBoundariesTest {

    private static final Release RELEASE = RepoRelease.get();
    private static final RequestParser PARSER = new RequestParser(RepoRelease.REGIONS);
    private static final Evaluator EVALUATOR = new Evaluator(10_000);

    @TestFactory
    Stream<DynamicTest> noCompliantWhereTheLawIsUnknown() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Jurisdiction j : RELEASE.jurisdictions()) {
            // The national layer is not a request region; its spans are reached through the places below it.
            String regionCode = j.code().equals("000000") ? "110105" : j.code();
            Region region = RepoRelease.REGIONS.resolve(regionCode).orElseThrow();
            for (Area area : Area.values()) {
                for (LocalDate date : boundaries(region, area)) {
                    tests.add(DynamicTest.dynamicTest(j.name() + " " + regionCode + " " + area + " " + date,
                            () -> check(region, area, date)));
                }
            }
        }
        assertThat(tests).hasSizeGreaterThan(200);
        return tests.stream();
    }

    /** Each declared span boundary of every layer of the region's chain, and a date before any encoding. */
    private static TreeSet<LocalDate> boundaries(Region region, Area area) {
        TreeSet<LocalDate> dates = new TreeSet<>(List.of(LocalDate.of(1995, 6, 1)));
        for (String layer : region.layers()) {
            RELEASE.coverage().declaration(layer, area).filter(AreaCoverage::encoded).ifPresent(c -> {
                dates.add(c.from().minusDays(1));
                dates.add(c.from());
                if (c.to() != null) {
                    dates.add(c.to());
                    dates.add(c.to().plusDays(1));
                }
            });
        }
        return dates;
    }

    private static void check(Region region, Area area, LocalDate date) {
        EvaluationRequest request = PARSER.parse(request(region.code(), area, date).getBytes(StandardCharsets.UTF_8));
        EvaluationResult result = EVALUATOR.evaluate(RELEASE, request, region, request.asOf(), request.effectiveAreas(), false);
        AreaStatus status = result.areas().get(area).status();
        boolean gap = RELEASE.coverage().gap(region, area, date, "").isPresent();
        List<String> coverageFindings = result.findings().stream().filter(f -> f.code().equals("LAW_NOT_COVERED"))
                .map(Finding::message).toList();
        if (gap) {
            assertThat(status).as("%s %s %s: the law is not known there, yet %s", region.code(), area, date, result.findings())
                    .isNotEqualTo(AreaStatus.COMPLIANT).isNotEqualTo(AreaStatus.NEEDS_REVIEW);
            assertThat(coverageFindings).as("a reason naming the gap").isNotEmpty();
            assertThat(result.findings()).filteredOn(f -> f.code().equals("LAW_NOT_COVERED"))
                    .allSatisfy(f -> assertThat(f.details()).containsKeys("layer", "place", "coveredSpan", "dates"));
        } else {
            assertThat(coverageFindings).as("%s %s %s is covered", region.code(), area, date).isEmpty();
        }
        if (area == Area.REPAIR && status == AreaStatus.COMPLIANT) {
            assertThat(result.areas().get(area).eligibility()).isNotEqualTo("UNDETERMINED");
        }
    }

    /** A minimal request whose governing date for the area is {@code date}. */
    static String request(String region, Area area, LocalDate date) {
        String head = "{\"region\":\"" + region + "\",\"community\":{\"id\":\"C-1\",\"completionAcceptanceDate\":\"1990-01-01\","
                + "\"totalExclusiveArea\":10000,\"totalOwners\":100},";
        return switch (area) {
            case FEE -> head + "\"asOf\":\"" + date + "\",\"fee\":{\"phase\":\"OWNER_CONTRACTED\",\"publicizedItems\":[\"物业服务费\"],"
                    + "\"chargedItems\":[{\"name\":\"物业服务费\"}]}}";
            case FILING -> head + "\"asOf\":\"" + date.plusDays(60) + "\",\"filings\":{\"events\":[{\"type\":\"SERVICE_CONTRACT_SIGNED\","
                    + "\"date\":\"" + date + "\"}],\"records\":[{\"filing\":\"SERVICE_CONTRACT\",\"filedOn\":\"" + date + "\"}]}}";
            case COMMITTEE -> head + "\"asOf\":\"" + date + "\",\"committee\":{\"members\":[{\"id\":\"m-1\",\"role\":\"CHAIR\",\"owner\":true,"
                    + "\"conduct\":[{\"code\":\"UNAUTHORIZED_SEAL_USE\",\"date\":\"" + date + "\"}]}]}}";
            case REPAIR -> head + "\"asOf\":\"" + date + "\",\"repair\":{\"id\":\"R-1\",\"category\":\"ELEVATOR_FAULT\",\"component\":\"ELEVATOR\","
                    + "\"cause\":\"WEAR\",\"endangersSafety\":true,\"reportedOn\":\"" + date + "\"}}";
        };
    }
}
