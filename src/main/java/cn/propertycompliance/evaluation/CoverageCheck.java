package cn.propertycompliance.evaluation;

import cn.propertycompliance.coverage.CoverageGap;
import cn.propertycompliance.coverage.CoverageMap;
import cn.propertycompliance.facts.Committee;
import cn.propertycompliance.facts.Filings;
import cn.propertycompliance.policy.Citation;
import cn.propertycompliance.policy.PolicyLibrary;
import cn.propertycompliance.region.Region;
import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.vocabulary.Finding;
import cn.propertycompliance.vocabulary.FindingCode;
import cn.propertycompliance.vocabulary.Severity;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluation-level half of "never a silent pass": for each evaluated area, the dates that decide which law
 * applies (api.md: event dates, conduct dates, vote and report dates, asOf) are checked against the jurisdictions'
 * coverage. A date or place the encoded law does not reach adds one {@code LAW_NOT_COVERED} finding per gap, so the
 * area is at best INDETERMINATE — whatever the rules of the layers that do apply found (a national violation stays
 * a violation: it does not depend on the unknown local text).
 */
final class CoverageCheck {

    private CoverageCheck() {
    }

    /** A date that decides the law of an area, and what it is (for the reason). */
    record GoverningDate(LocalDate date, String governs) {
    }

    static List<Finding> findings(CoverageMap coverage, PolicyLibrary policies, Region region, EvaluationRequest request,
                                  Area area, LocalDate asOf) {
        Map<String, List<CoverageGap>> byGap = new LinkedHashMap<>();
        for (GoverningDate d : governingDates(request, area, asOf)) {
            coverage.gap(region, area, d.date(), d.governs())
                    .ifPresent(g -> byGap.computeIfAbsent(g.layer() + "|" + g.span(), k -> new ArrayList<>()).add(g));
        }
        List<Finding> out = new ArrayList<>();
        for (List<CoverageGap> gaps : byGap.values()) {
            CoverageGap first = gaps.get(0);
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("layer", first.layer());
            details.put("place", first.layerName());
            details.put("coveredSpan", first.span());
            details.put("dates", gaps.stream().map(g -> g.date() + " " + g.governs()).distinct().toList());
            List<Citation> citations = first.cite().stream().map(policies::resolve).flatMap(Optional::stream).toList();
            out.add(new Finding("COVERAGE-" + first.layer() + "-" + area, area, FindingCode.LAW_NOT_COVERED.name(),
                    Severity.INDETERMINATE, "community:" + request.community().id(), first.reason(), details, List.of(), citations));
        }
        return out;
    }

    /** Per area, the dates whose law decides the answer; asOf where the request names none. */
    static List<GoverningDate> governingDates(EvaluationRequest request, Area area, LocalDate asOf) {
        List<GoverningDate> dates = new ArrayList<>();
        switch (area) {
            case FEE -> {
                dates.add(new GoverningDate(asOf, "评价日期"));
                if (request.fee() != null && request.fee().priceChange() != null && request.fee().priceChange().effectiveOn() != null) {
                    dates.add(new GoverningDate(request.fee().priceChange().effectiveOn(), "调价生效日"));
                }
            }
            case FILING -> {
                Filings filings = request.filings();
                if (filings != null) {
                    filings.events().stream().filter(e -> e != null && e.date() != null && e.type() != null)
                            .forEach(e -> dates.add(new GoverningDate(e.date(), "事件" + e.type().chineseName())));
                }
                if (dates.isEmpty()) {
                    dates.add(new GoverningDate(asOf, "评价日期"));
                }
            }
            case COMMITTEE -> {
                dates.add(new GoverningDate(asOf, "评价日期"));
                Committee committee = request.committee();
                if (committee != null) {
                    committee.members().stream().filter(m -> m != null).flatMap(m -> m.conduct().stream())
                            .filter(c -> c != null && c.date() != null && !c.date().isAfter(asOf))
                            .forEach(c -> dates.add(new GoverningDate(c.date(), "行为日期")));
                }
            }
            case REPAIR -> {
                var repair = request.repair();
                dates.add(repair != null && repair.reportedOn() != null
                        ? new GoverningDate(repair.reportedOn(), "报修日期") : new GoverningDate(asOf, "评价日期"));
                if (repair != null && repair.vote() != null && repair.vote().heldOn() != null) {
                    dates.add(new GoverningDate(repair.vote().heldOn(), "表决日期"));
                }
            }
        }
        return dates;
    }
}
