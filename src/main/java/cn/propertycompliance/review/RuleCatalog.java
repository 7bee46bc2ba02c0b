package cn.propertycompliance.review;

import cn.propertycompliance.region.Region;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.RuleMeta;
import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.vocabulary.Severity;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The rule catalogue ({@code GET /api/v1/rules}): every rule of a release with its metadata and the text of the
 * clauses it cites. Filters: {@code area}; {@code region} — the rules of the layers that apply there (national →
 * province → city → district); {@code asOf} — in force that day, and with a region also not replaced by a more
 * specific rule in force (exactly the rules an evaluation there would consider).
 */
public final class RuleCatalog {

    /** One rule as listed. {@code overriddenBy}: the rules that name it in {@code @overrides}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Entry(String id, Area area, String areaName, String code, Severity severity, String jurisdiction,
                        String jurisdictionName, LocalDate effective, LocalDate expires, String overrides,
                        List<String> overriddenBy, String message, List<CitedClause> citations, String file, int line) {
    }

    /** A citation: the {@code document#clause} reference, the document as findings name it, and the clause text. */
    public record CitedClause(String ref, String document, String title, String clause, String text) {
    }

    private final RegionTable regions;

    public RuleCatalog(RegionTable regions) {
        this.regions = regions;
    }

    /** The rules matching every given filter (null = no filter), by layer then id. */
    public List<Entry> list(Release release, Area area, Region region, LocalDate asOf) {
        Set<String> selected = region != null && asOf != null
                ? release.select(region.layers(), asOf, area == null ? EnumSet.allOf(Area.class) : EnumSet.of(area)).allowed()
                : null;
        return release.rules().stream()
                .filter(r -> area == null || r.area() == area)
                .filter(r -> region == null || region.layers().contains(r.jurisdiction()))
                .filter(r -> asOf == null || r.inForceOn(asOf))
                .filter(r -> selected == null || selected.contains(r.id()))
                .sorted(Comparator.comparing(RuleMeta::jurisdiction).thenComparing(RuleMeta::id))
                .map(r -> entry(release, r))
                .toList();
    }

    private Entry entry(Release release, RuleMeta r) {
        List<String> overriddenBy = release.rules().stream().filter(o -> r.id().equals(o.overrides())).map(RuleMeta::id)
                .sorted().toList();
        List<CitedClause> citations = new ArrayList<>();
        IntStream.range(0, r.cite().size()).forEach(i -> {
            var c = r.citations().get(i);
            citations.add(new CitedClause(r.cite().get(i).toString(), c.document(), c.title(), c.clause(), c.text()));
        });
        return new Entry(r.id(), r.area(), r.area().chineseName(), r.code().name(), r.code().severity(), r.jurisdiction(),
                regions.name(r.jurisdiction()).orElse(null), r.effective(), r.expires(), r.overrides(), overriddenBy,
                r.message(), List.copyOf(citations), r.file(), r.line());
    }
}
