package cn.propertycompliance.repair;

import cn.propertycompliance.facts.Community;
import cn.propertycompliance.facts.Repair;
import cn.propertycompliance.parameters.ParameterValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Is the component still within its minimum warranty (建设工程质量管理条例 第四十条) on the day the fault was reported?
 * The fund pays only after the warranty has ended (住宅专项维修资金管理办法 第十八条).
 *
 * <p>Counting, for a period in years ({@code repair.warrantyPeriod} value {@code years}): the period runs "自竣工验收合格
 * 之日起" (第四十条第三款). With 民法典 第二百零一条 the acceptance day itself is not counted, and with 第二百零二条 a
 * period in years ends on the corresponding day of the last year (no corresponding day → the last day of that
 * month). So for acceptance on 2021-06-01 and five years the last day of warranty is 2026-06-01: a leak reported
 * that day is within warranty, one reported on 2026-06-02 is not. For acceptance on 2020-02-29 the last day is
 * 2025-02-28. 第二百零三条 (a last day falling on a holiday moves to the next working day) is not applied: it governs
 * the time for doing an act, while a warranty period is a span during which a defect is covered.
 *
 * <p>Heating/cooling systems ({@code seasons}): "2个采暖期、供冷期". A season is counted only if it begins after the
 * acceptance day (a season already running at acceptance is not a whole season under warranty); the warranty ends
 * on the last day of the n-th such season, taking the later of the heating and the cooling season where the table
 * gives both. Season dates differ by region and no text we hold gives them: they come from
 * {@code repair.heatingCoolingSeason}, PENDING nationally, so the answer is INDETERMINATE — except that n seasons
 * have certainly ended {@code certainlyEndedAfterYears} after acceptance (an INTERPRETATION stated in the table).
 *
 * <p>Structure ({@code designLife}): "设计文件规定的该工程的合理使用年限" — a per-building figure in the design
 * documents, not in the request: the answer is INDETERMINATE.
 */
public record WarrantyCheck(Status status, LocalDate acceptedOn, LocalDate judgedOn, LocalDate lastDay,
                            String periodText, List<String> missing, String unavailableParameter, String unavailableReason) {

    public enum Status { WITHIN, ENDED, FACTS_MISSING, DESIGN_LIFE_UNKNOWN, PARAMETER_UNAVAILABLE }

    public static WarrantyCheck of(Repair repair, Community community, LocalDate asOf, ParameterValue period,
                                   ParameterValue seasons) {
        LocalDate judgedOn = repair.reportedOn() != null ? repair.reportedOn() : asOf;
        LocalDate acceptedOn = community.completionAcceptanceDate();
        List<String> missing = new ArrayList<>();
        if (repair.component() == null) {
            missing.add("repair.component");
        }
        if (acceptedOn == null) {
            missing.add("community.completionAcceptanceDate");
        }
        if (!missing.isEmpty()) {
            return new WarrantyCheck(Status.FACTS_MISSING, acceptedOn, judgedOn, null, null, List.copyOf(missing), null, null);
        }
        if (period == null || period.isUnavailable()) {
            return unavailable(acceptedOn, judgedOn, "repair.warrantyPeriod", period);
        }
        WarrantyPeriod w = period.as(WarrantyPeriod.class);
        if (w.years() != null) {
            int years = w.years();
            LocalDate last = acceptedOn.plusYears(years);
            return decided(acceptedOn, judgedOn, last, years + "年");
        }
        if (Boolean.TRUE.equals(w.designLife())) {
            return new WarrantyCheck(Status.DESIGN_LIFE_UNKNOWN, acceptedOn, judgedOn, null, "设计文件规定的合理使用年限",
                    List.of("设计文件规定的该工程的合理使用年限"), null, null);
        }
        int n = w.seasons();
        String text = n + "个采暖期、供冷期";
        LocalDate certainlyEnded = acceptedOn.plusYears(w.certainlyEndedAfterYears());
        if (judgedOn.isAfter(certainlyEnded)) {
            return new WarrantyCheck(Status.ENDED, acceptedOn, judgedOn, null, text, List.of(), null, null);
        }
        if (seasons == null || seasons.isUnavailable()) {
            return unavailable(acceptedOn, judgedOn, "repair.heatingCoolingSeason", seasons);
        }
        LocalDate last = Seasons.of(seasons).lastDayOfNth(acceptedOn, n);
        return decided(acceptedOn, judgedOn, last, text);
    }

    private static WarrantyCheck decided(LocalDate acceptedOn, LocalDate judgedOn, LocalDate last, String text) {
        Status s = judgedOn.isAfter(last) ? Status.ENDED : Status.WITHIN;
        return new WarrantyCheck(s, acceptedOn, judgedOn, last, text, List.of(), null, null);
    }

    private static WarrantyCheck unavailable(LocalDate acceptedOn, LocalDate judgedOn, String table, ParameterValue value) {
        String reason = value == null ? "参数" + table + "无取值" : value.getReason();
        return new WarrantyCheck(Status.PARAMETER_UNAVAILABLE, acceptedOn, judgedOn, null, null, List.of(), table, reason);
    }

    public boolean isWithin() {
        return status == Status.WITHIN;
    }

    public boolean isEnded() {
        return status == Status.ENDED;
    }

    public boolean isFactsMissing() {
        return status == Status.FACTS_MISSING;
    }

    public boolean isDesignLifeUnknown() {
        return status == Status.DESIGN_LIFE_UNKNOWN;
    }

    public boolean isParameterUnavailable() {
        return status == Status.PARAMETER_UNAVAILABLE;
    }
}
