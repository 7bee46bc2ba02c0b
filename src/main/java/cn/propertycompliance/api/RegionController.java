package cn.propertycompliance.api;

import cn.propertycompliance.evaluation.EvaluationResult;
import cn.propertycompliance.evaluation.FieldError;
import cn.propertycompliance.evaluation.InvalidRequestException;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.review.RegionCatalog;
import cn.propertycompliance.ruleset.ActiveRelease;
import cn.propertycompliance.ruleset.Release;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/v1/regions}: the jurisdictions the release in use encodes, per area, or (with {@code q}) the GB/T
 * 2260 divisions whose name contains it; {@code GET /api/v1/regions/{code}}: one division's layers and what each encodes.
 */
@RestController
@RequestMapping("/api/v1/regions")
class RegionController {

    /** {@code jurisdictions} without a query, {@code regions} with one. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Listing(EvaluationResult.ReleaseRef release, String q, List<RegionCatalog.Layer> jurisdictions,
                   List<RegionCatalog.RegionEntry> regions) {
    }

    private static final int MAX_QUERY_LENGTH = 40;

    private final ActiveRelease active;
    private final RegionTable regions;
    private final RegionCatalog catalog;

    RegionController(ActiveRelease active, RegionTable regions) {
        this.active = active;
        this.regions = regions;
        this.catalog = new RegionCatalog(regions);
    }

    @Operation(summary = "Jurisdictions with local rules or tables, per area; with q, divisions whose name contains q (at most 50)")
    @GetMapping
    Listing list(@Parameter(description = "part of a division's name (e.g. 盘锦) or the start of its code")
                 @RequestParam(required = false) String q) {
        Release release = active.current();
        EvaluationResult.ReleaseRef ref = new EvaluationResult.ReleaseRef(release.id(), release.label());
        if (q == null) {
            return new Listing(ref, null, catalog.jurisdictions(release), null);
        }
        if (q.isBlank() || q.length() > MAX_QUERY_LENGTH || q.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidRequestException("invalid region query",
                    List.of(new FieldError("q", "must be 1–" + MAX_QUERY_LENGTH + " characters without control characters")));
        }
        return new Listing(ref, q, null, catalog.search(release, q));
    }

    @Operation(summary = "One GB/T 2260 division: its name, its layers (national first) and what each layer encodes per area")
    @GetMapping("/{code}")
    RegionCatalog.RegionEntry get(@PathVariable String code) {
        return catalog.region(active.current(), code).orElseThrow(() -> new NotFoundException("no GB/T 2260 division " + code));
    }
}
