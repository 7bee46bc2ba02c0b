package cn.propertycompliance.evaluation;

import cn.propertycompliance.facts.Committee;
import cn.propertycompliance.facts.Community;
import cn.propertycompliance.facts.Fee;
import cn.propertycompliance.facts.Filings;
import cn.propertycompliance.facts.Repair;
import cn.propertycompliance.vocabulary.Area;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The body of {@code POST /api/v1/evaluations} (api.md), after validation. */
public record EvaluationRequest(
        String requestId,
        String region,
        LocalDate asOf,
        List<Area> areas,
        Community community,
        Fee fee,
        Filings filings,
        Committee committee,
        Repair repair) {

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
