package cn.propertycompliance.review;

import cn.propertycompliance.parameters.ParameterEntry;
import cn.propertycompliance.parameters.ParameterStatus;
import cn.propertycompliance.parameters.ParameterTable;
import cn.propertycompliance.parameters.Stricter;
import cn.propertycompliance.policy.LegalLevel;
import cn.propertycompliance.policy.PolicyLibrary;
import cn.propertycompliance.region.RegionTable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Finds parameter values of nested layers that overlap in key and time (section 3). The loader already refuses two
 * values of one layer; across layers the most specific one silently wins, which is exactly what a reviewer must see.
 * Strictness is compared only where the table states a direction ({@code stricter:}); nothing is guessed.
 */
final class ConflictFinder {

    private final RegionTable regions;
    private final PolicyLibrary policies;

    ConflictFinder(RegionTable regions, PolicyLibrary policies) {
        this.regions = regions;
        this.policies = policies;
    }

    List<ParameterConflict> find(List<ParameterTable> tables) {
        List<ParameterConflict> out = new ArrayList<>();
        tables.stream().sorted(Comparator.comparing(ParameterTable::name)).forEach(table -> {
            List<ParameterEntry> entries = table.entries().stream()
                    .sorted(Comparator.comparing(ParameterEntry::file).thenComparingInt(ParameterEntry::line)).toList();
            for (ParameterEntry broader : entries) {
                for (ParameterEntry narrower : entries) {
                    // A layer that declares addsToBroaderLayers applies its entries beside the broader ones: no replacement.
                    if (nested(broader, narrower) && sameKeys(broader, narrower) && broader.overlaps(narrower)
                            && !table.addingLayers().contains(narrower.jurisdiction())) {
                        compare(table, broader, narrower, out);
                    }
                }
            }
        });
        return List.copyOf(out);
    }

    private void compare(ParameterTable table, ParameterEntry broader, ParameterEntry narrower, List<ParameterConflict> out) {
        boolean broaderHasValue = broader.status() != ParameterStatus.PENDING;
        if (broaderHasValue && !narrower.overrides()) {
            boolean pending = narrower.status() == ParameterStatus.PENDING;
            out.add(new ParameterConflict(pending ? ParameterConflict.Kind.PENDING_HIDES_VALUE : ParameterConflict.Kind.SET_BY_TWO_LAYERS,
                    table.name(), broader, narrower, null, pending
                    ? "下级层级的待公布条目使上级已有取值在该地区不再适用；如属有意，请在下级条目写明 overrides: true"
                    : "同一参数在上下两级均有取值且有效期重叠，下级取值生效；如属有意替换，请在下级条目写明 overrides: true"));
        }
        for (Map.Entry<String, Stricter> direction : new TreeMap<>(table.stricter()).entrySet()) {
            BigDecimal upper = number(broader, direction.getKey());
            BigDecimal lower = number(narrower, direction.getKey());
            if (upper != null && lower != null && direction.getValue().isLessStrict(lower, upper)) {
                out.add(new ParameterConflict(ParameterConflict.Kind.LESS_STRICT, table.name(), broader, narrower,
                        direction.getKey(), strictness(broader, narrower, direction.getKey(), direction.getValue())));
            }
        }
    }

    private String strictness(ParameterEntry broader, ParameterEntry narrower, String field, Stricter direction) {
        Optional<LegalLevel> upper = Levels.highest(broader.cite(), policies);
        Optional<LegalLevel> lower = Levels.highest(narrower.cite(), policies);
        String values = field + "：下级 " + number(narrower, field).toPlainString() + "，上级 " + number(broader, field).toPlainString()
                + "（" + (direction == Stricter.HIGHER ? "数值越大越严" : "数值越小越严") + "）。";
        boolean forbidden = upper.isPresent() && lower.isPresent() && Levels.ranksBelow(lower.get(), upper.get());
        return values + (forbidden
                ? "下级依据（" + Levels.name(lower) + "）效力低于上级依据（" + Levels.name(upper) + "），下位规定不得放宽上位标准，请审核。"
                : "下级依据（" + Levels.name(lower) + "）效力不低于上级依据（" + Levels.name(upper) + "），请核对是否属于授权范围内的地方规定。");
    }

    /** {@code narrower} belongs to a layer strictly inside {@code broader}'s. */
    private boolean nested(ParameterEntry broader, ParameterEntry narrower) {
        return !broader.jurisdiction().equals(narrower.jurisdiction())
                && regions.isWithin(narrower.jurisdiction(), broader.jurisdiction());
    }

    /** Both entries can answer the same lookup: no key field is set to different values (a missing field is "any"). */
    private static boolean sameKeys(ParameterEntry a, ParameterEntry b) {
        return a.key().entrySet().stream().allMatch(k -> !b.key().containsKey(k.getKey()) || b.key().get(k.getKey()).equals(k.getValue()));
    }

    private static BigDecimal number(ParameterEntry entry, String field) {
        Object v = entry.value().get(field);
        return v instanceof BigDecimal d ? d : null;
    }
}
