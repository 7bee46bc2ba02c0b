package cn.propertycompliance.review;

import cn.propertycompliance.parameters.ParameterTable;
import cn.propertycompliance.region.Region;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.ruleset.Jurisdiction;
import cn.propertycompliance.ruleset.Release;
import cn.propertycompliance.ruleset.RuleMeta;
import cn.propertycompliance.vocabulary.Area;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * What each jurisdiction layer of a release encodes, per area: its rules and the parameter tables it sets. Answers
 * {@code GET /api/v1/regions} ("which places have local rules?") and, for one division, which of its layers
 * (national → province → city → district) say something about which area.
 */
public final class RegionCatalog {

    /** A division with its layers, each layer with what the release encodes there (empty areas: nothing local). */
    public record RegionEntry(String code, String name, List<String> layers, List<Layer> encoded) {
    }

    /** One layer: its code and name, its folder under rules/ (null: no folder) and what it encodes per area. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Layer(String code, String name, String folder, Map<Area, Encoded> areas) {
    }

    /** Rule ids and table names of one layer for one area. */
    public record Encoded(List<String> rules, List<String> tables) {
    }

    /** Most divisions a name search lists. */
    public static final int MAX_MATCHES = 50;

    private final RegionTable regions;

    public RegionCatalog(RegionTable regions) {
        this.regions = regions;
    }

    /** Every jurisdiction layer the release has a folder for, broadest first, with what it encodes. */
    public List<Layer> jurisdictions(Release release) {
        return release.jurisdictions().stream()
                .sorted(Comparator.comparing(Jurisdiction::code)) // 000000 first; a province's code before its cities'
                .map(j -> layer(release, j.code()))
                .toList();
    }

    /** One division: its layers, each with what the release encodes there. */
    public Optional<RegionEntry> region(Release release, String code) {
        return regions.resolve(code).map(r -> entry(release, r));
    }

    /** Divisions whose name (as joined: 省市区) contains {@code query}, at most {@link #MAX_MATCHES}. */
    public List<RegionEntry> search(Release release, String query) {
        String q = query.strip().toLowerCase(Locale.ROOT);
        List<RegionEntry> out = new ArrayList<>();
        for (String code : regions.codes()) {
            Optional<Region> region = regions.resolve(code);
            if (region.isPresent() && (region.get().name().contains(q) || code.startsWith(q))) {
                out.add(entry(release, region.get()));
                if (out.size() == MAX_MATCHES) {
                    break;
                }
            }
        }
        return out;
    }

    private RegionEntry entry(Release release, Region region) {
        return new RegionEntry(region.code(), region.name(), region.layers(),
                region.layers().stream().map(layer -> layer(release, layer)).toList());
    }

    private Layer layer(Release release, String code) {
        Map<Area, TreeSet<String>> rules = new EnumMap<>(Area.class);
        Map<Area, TreeSet<String>> tables = new EnumMap<>(Area.class);
        for (RuleMeta rule : release.rules()) {
            if (rule.jurisdiction().equals(code)) {
                rules.computeIfAbsent(rule.area(), a -> new TreeSet<>()).add(rule.id());
            }
        }
        for (ParameterTable table : release.parameters().tables()) {
            Area area = areaOf(table.name());
            if (area != null && table.entries().stream().anyMatch(e -> e.jurisdiction().equals(code))) {
                tables.computeIfAbsent(area, a -> new TreeSet<>()).add(table.name());
            }
        }
        Map<Area, Encoded> areas = new EnumMap<>(Area.class);
        for (Area area : Area.values()) {
            if (rules.containsKey(area) || tables.containsKey(area)) {
                areas.put(area, new Encoded(List.copyOf(rules.getOrDefault(area, new TreeSet<>())),
                        List.copyOf(tables.getOrDefault(area, new TreeSet<>()))));
            }
        }
        String folder = release.jurisdictions().stream().filter(j -> j.code().equals(code)).map(Jurisdiction::folder)
                .findFirst().orElse(null);
        return new Layer(code, regions.name(code).orElse(code), folder, areas);
    }

    /** Tables are named {@code <area>.<name>} (fee.guidancePrice, filing.deadline …); calendar tables serve every area. */
    public static Area areaOf(String tableName) {
        int dot = tableName.indexOf('.');
        String prefix = dot < 0 ? tableName : tableName.substring(0, dot);
        for (Area area : Area.values()) {
            if (area.name().equalsIgnoreCase(prefix)) {
                return area;
            }
        }
        return null;
    }
}
