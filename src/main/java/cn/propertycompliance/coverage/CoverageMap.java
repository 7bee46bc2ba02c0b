package cn.propertycompliance.coverage;

import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.region.Region;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every jurisdiction's coverage declarations, and the one question asked of them: does the encoded law reach this
 * area, date and place?
 *
 * <p>Every layer of the chain is asked, most specific first. A layer whose span covers the date answers for itself;
 * outside its span, BROADER or NONE says it had no rule of its own then, and UNKNOWN is a gap — also when a narrower
 * layer covers the date: a province whose encoding starts later than its city's does not become known by the city's
 * (青岛 from 2021-05-01 does not vouch for 山东 before its 2021-12-03 text). Only a layer that encodes nothing for the
 * area (no {@code from}, e.g. a province whose texts are not held) is stood for by a narrower layer that covers the
 * date: that narrower encoding is declared to be the place's law on the area. A province or city on the chain without
 * a folder is such a layer; a district or county makes no local regulations, so it is passed over.
 */
public final class CoverageMap {

    private final Map<String, Map<Area, AreaCoverage>> byLayer;
    private final Function<String, String> names;

    /** @param names a layer code's name, for layers without a folder */
    public CoverageMap(Collection<AreaCoverage> declarations, Function<String, String> names) {
        this.byLayer = declarations.stream().collect(Collectors.groupingBy(AreaCoverage::jurisdiction,
                Collectors.toMap(AreaCoverage::area, c -> c)));
        this.names = names;
    }

    public static CoverageMap empty() {
        return new CoverageMap(List.of(), c -> c);
    }

    /** Every declaration, for the review report. */
    public List<AreaCoverage> declarations() {
        return byLayer.values().stream().flatMap(m -> m.values().stream()).toList();
    }

    public Optional<AreaCoverage> declaration(String layer, Area area) {
        return Optional.ofNullable(byLayer.getOrDefault(layer, Map.of()).get(area));
    }

    /**
     * @param governs what the date is (e.g. "事件 SERVICE_CONTRACT_SIGNED", "评价日期"), for the reason
     * @return the gap, or empty when the encoded law reaches the date and place
     */
    public Optional<CoverageGap> gap(Region region, Area area, LocalDate date, String governs) {
        List<String> layers = region.layers();
        boolean coveredByNarrower = false;
        for (int i = layers.size() - 1; i >= 0; i--) {
            String layer = layers.get(i);
            AreaCoverage c = byLayer.getOrDefault(layer, Map.of()).get(area);
            if (c == null) {
                if (byLayer.containsKey(layer) || !legislates(layer) || coveredByNarrower) {
                    continue;
                }
                String name = names.apply(layer);
                return Optional.of(new CoverageGap(area, date, governs, layer, name, "未编码",
                        name + "（" + layer + "）的" + area.chineseName() + "规定未编码（该地的地方性法规、规范性文件未收录）：编码的法律不及于"
                                + region.name() + "，" + governs + " " + date + " 无法判断", List.of()));
            }
            if (c.covers(date)) {
                coveredByNarrower = true;
                continue;
            }
            AreaCoverage.Outside outside = c.outside(date);
            if (outside.held() == Held.UNKNOWN && !(coveredByNarrower && !c.encoded())) {
                String where = c.encoded() ? "编码覆盖 " + c.span() + "，" + governs + " " + date + " 在此之外" : "未编码";
                return Optional.of(new CoverageGap(area, date, governs, layer, c.jurisdictionName(), c.span(),
                        c.jurisdictionName() + "（" + layer + "）" + area.chineseName() + "：" + where + "，当时适用的规定未知"
                                + (outside.note() == null ? "" : "（" + outside.note() + "）") + "：" + governs + " " + date + " 无法判断",
                        outside.cite().isEmpty() ? c.cite() : outside.cite()));
            }
        }
        return Optional.empty();
    }

    /** Provinces and cities make local regulations; districts and counties (codes not ending in 00) do not. */
    static boolean legislates(String layer) {
        return layer.endsWith("00");
    }
}
