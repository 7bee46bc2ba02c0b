package cn.propertycompliance.evaluation;

import cn.propertycompliance.facts.Committee;
import cn.propertycompliance.facts.Community;
import cn.propertycompliance.facts.Fee;
import cn.propertycompliance.facts.Filings;
import cn.propertycompliance.facts.Limits;
import cn.propertycompliance.facts.Repair;
import cn.propertycompliance.vocabulary.Area;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The body of {@code POST /api/v1/evaluations} (api.md): the one description of the request. Its constraint
 * annotations (and those of the facts records) are what {@link RequestParser} checks and what springdoc publishes in
 * {@code /v3/api-docs}.
 */
public record EvaluationRequest(
        @Size(min = 1, max = Limits.MAX_NAME) @Pattern(regexp = Limits.TEXT) String requestId,
        @NotNull @Pattern(regexp = Limits.REGION_CODE) String region,
        LocalDate asOf,
        @Size(max = 4) List<@NotNull Area> areas,
        @NotNull @Valid Community community,
        @Valid Fee fee,
        @Valid Filings filings,
        @Valid Committee committee,
        @Valid Repair repair) {

    /** The same request with another committee block (the masker's copy). */
    public EvaluationRequest withCommittee(Committee other) {
        return new EvaluationRequest(requestId, region, asOf, areas, community, fee, filings, other, repair);
    }

    /** True when the fact block of {@code area} was sent. */
    public boolean hasBlock(Area area) {
        return AreaModule.of(area).block(this) != null;
    }

    /** The areas to evaluate: those named, or else every area whose block is present. */
    public Set<Area> effectiveAreas() {
        Set<Area> out = EnumSet.noneOf(Area.class);
        if (areas != null && !areas.isEmpty()) {
            out.addAll(areas);
        } else {
            for (Area a : Area.values()) {
                if (hasBlock(a)) {
                    out.add(a);
                }
            }
        }
        return out;
    }
}
