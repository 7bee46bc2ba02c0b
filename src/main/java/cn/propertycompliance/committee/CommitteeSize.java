package cn.propertycompliance.committee;

import cn.propertycompliance.facts.Committee;
import cn.propertycompliance.facts.Community;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.vocabulary.Report;
import cn.propertycompliance.vocabulary.Reportable;
import java.math.BigDecimal;
import java.util.List;

/**
 * The committee's size against {@code committee.size}: {@code minimum}, optional {@code maximum}, {@code odd}, and
 * an optional small-committee exception ({@code smallSize}, allowed where {@code smallHouseholdsAtMost} households
 * (北京 第三十九条, 杭州 第二十七条: 户数一百户以下 — 以下 includes 100) or where the floor area is at most
 * {@code smallFloorAreaAtMost} m² (上海 第二十条: 建筑面积在一万平方米以下)). The size is the number of members sent.
 *
 * <p>上海 counts the 建筑面积 of the estate, which the request does not carry; it carries the exclusive area, which
 * never exceeds the floor area (exclusive parts are part of the building). So an exclusive area above the limit
 * proves the exception unavailable; otherwise the answer is undetermined.
 */
public record CommitteeSize(int size, boolean invalid, List<String> missing, String requirement, Integer households,
                            BigDecimal totalExclusiveArea, ParameterValue rule) implements Reportable {

    public static final String TABLE = "committee.size";

    public static CommitteeSize of(Committee committee, Community community, ParameterValue rule) {
        int n = committee.members().size();
        SizeRule r = rule.as(SizeRule.class);
        String requirement = r.requirement();
        Integer households = community == null ? null : community.households();
        BigDecimal area = community == null ? null : community.totalExclusiveArea();
        if (n == 0 || regular(n, r)) {
            return new CommitteeSize(n, false, List.of(), requirement, households, area, rule);
        }
        if (r.smallSize() == null || r.smallSize() != n) {
            return new CommitteeSize(n, true, List.of(), requirement, households, area, rule);
        }
        if (r.smallHouseholdsAtMost() != null) {
            if (households == null) {
                return new CommitteeSize(n, false, List.of("community.households"), requirement, null, area, rule);
            }
            return new CommitteeSize(n, households > r.smallHouseholdsAtMost(), List.of(), requirement, households, area, rule);
        }
        if (r.smallFloorAreaAtMost() != null) {
            BigDecimal exclusive = community == null ? null : community.totalExclusiveArea();
            if (exclusive != null && exclusive.compareTo(r.smallFloorAreaAtMost()) > 0) {
                return new CommitteeSize(n, true, List.of(), requirement, households, area, rule);
            }
            return new CommitteeSize(n, false, List.of("建筑面积"), requirement, households, area, rule);
        }
        return new CommitteeSize(n, true, List.of(), requirement, households, area, rule);
    }

    private static boolean regular(int n, SizeRule rule) {
        boolean oddOk = !Boolean.TRUE.equals(rule.odd()) || n % 2 == 1;
        boolean maxOk = rule.maximum() == null || n <= rule.maximum();
        return oddOk && n >= rule.minimum() && maxOk;
    }

    public boolean isInvalid() {
        return invalid;
    }

    public boolean isUndetermined() {
        return !missing.isEmpty();
    }

    /**
     * The size against the requirement in force, and the clause that sets it ({@code basis}, e.g.
     * 山东省物业管理条例第三十条): one rule serves every jurisdiction, the table entry says whose law applies.
     */
    @Override
    public void report(Report finding) {
        finding.source(rule).detail("size", size).detail("requirement", requirement).detail("basis", basis(rule))
                .detail("households", households).detail("missing", missing.isEmpty() ? null : missing)
                .detail("totalExclusiveArea", missing.isEmpty() ? null : totalExclusiveArea)
                .detail("smallSize", missing.isEmpty() ? null : rule.as(SizeRule.class).smallSize());
    }

    /** "document title + clause" of the entry's first citation. */
    static String basis(ParameterValue rule) {
        return rule.getCitations().isEmpty() ? null
                : rule.getCitations().get(0).title() + rule.getCitations().get(0).clause();
    }
}
