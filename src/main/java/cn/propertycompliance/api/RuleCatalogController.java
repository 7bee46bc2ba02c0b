package cn.propertycompliance.api;

import cn.propertycompliance.evaluation.EvaluationResult;
import cn.propertycompliance.evaluation.FieldError;
import cn.propertycompliance.evaluation.InvalidRequestException;
import cn.propertycompliance.region.Region;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.review.RuleCatalog;
import cn.propertycompliance.ruleset.ActiveRelease;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.vocabulary.Area;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/rules}: the rule catalogue of the release in use, with the clause texts the rules cite. */
@RestController
@RequestMapping("/api/v1/rules")
class RuleCatalogController {

    /** The response: which release, which filters were applied, and the rules. */
    record Catalogue(EvaluationResult.ReleaseRef release, Map<String, String> filters, int count, List<RuleCatalog.Entry> rules) {
    }

    private final ActiveRelease active;
    private final RegionTable regions;
    private final RuleCatalog catalog;

    RuleCatalogController(ActiveRelease active, RegionTable regions) {
        this.active = active;
        this.regions = regions;
        this.catalog = new RuleCatalog(regions);
    }

    @Operation(summary = "List the rules of the release in use, with their citations and clause texts")
    @GetMapping
    Catalogue list(@Parameter(description = "FEE | FILING | COMMITTEE | REPAIR") @RequestParam(required = false) String area,
                   @Parameter(description = "GB/T 2260 code: the rules of every layer that applies there (national first)")
                   @RequestParam(required = false) String jurisdiction,
                   @Parameter(description = "yyyy-MM-dd: rules in force that day; with jurisdiction, also not overridden there")
                   @RequestParam(required = false) String asOf) {
        List<FieldError> errors = new ArrayList<>();
        Area areaFilter = parseArea(area, errors);
        Region region = parseRegion(jurisdiction, errors);
        LocalDate date = parseDate(asOf, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("invalid rule catalogue query", errors);
        }
        Release release = active.current();
        Map<String, String> filters = new java.util.LinkedHashMap<>();
        if (area != null) {
            filters.put("area", area);
        }
        if (jurisdiction != null) {
            filters.put("jurisdiction", jurisdiction);
        }
        if (asOf != null) {
            filters.put("asOf", asOf);
        }
        List<RuleCatalog.Entry> rules = catalog.list(release, areaFilter, region, date);
        return new Catalogue(new EvaluationResult.ReleaseRef(release.id(), release.label()), filters, rules.size(), rules);
    }

    private static Area parseArea(String area, List<FieldError> errors) {
        if (area == null) {
            return null;
        }
        try {
            return Area.valueOf(area);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("area", "must be one of FEE, FILING, COMMITTEE, REPAIR"));
            return null;
        }
    }

    private Region parseRegion(String code, List<FieldError> errors) {
        if (code == null) {
            return null;
        }
        if (RegionTable.NATIONAL.equals(code)) {
            return new Region(RegionTable.NATIONAL, RegionTable.NATIONAL_NAME, List.of(RegionTable.NATIONAL));
        }
        return regions.resolve(code).orElseGet(() -> {
            errors.add(new FieldError("jurisdiction", "is not a GB/T 2260 division code"));
            return null;
        });
    }

    private static LocalDate parseDate(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("asOf", "must be a date yyyy-MM-dd"));
            return null;
        }
    }
}
