package cn.propertycompliance.bench;

import cn.propertycompliance.facts.Fee;
import cn.propertycompliance.fee.FeeAssessment;
import cn.propertycompliance.fee.GuidanceBand;
import cn.propertycompliance.parameters.ParameterValue;
import cn.propertycompliance.parameters.ParameterView;
import cn.propertycompliance.policy.Citation;
import cn.propertycompliance.policy.CitationRef;
import cn.propertycompliance.policy.PolicyLibrary;
import cn.propertycompliance.vocabulary.Action;
import cn.propertycompliance.vocabulary.Area;
import cn.propertycompliance.vocabulary.Finding;
import cn.propertycompliance.vocabulary.FindingCode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The national fee rules (rules/national/fee.drl) written by hand in plain Java: the same parameter lookups, the same
 * exact arithmetic and the same output — findings with rendered messages, details, actions and clause citations —
 * so that it is a fair floor for what the engine costs. {@code PlainJavaFeeCheckTest} holds it to the engine's answers.
 */
final class PlainJavaFeeCheck {

    private final List<Citation> aboveBelow;
    private final List<Citation> regime;
    private final List<Citation> table;
    private final List<Citation> incomplete;
    private final List<Citation> undisclosed;
    private final List<Citation> display;
    private final List<Citation> notice;
    private final List<Citation> quality;

    PlainJavaFeeCheck(PolicyLibrary policies) {
        aboveBelow = cite(policies, "price-law#第三条第四款", "price-penalty-provisions#第九条第（一）项");
        regime = cite(policies, "price-law#第十九条");
        table = cite(policies, "price-law#第三条第四款", "price-law#第十二条");
        incomplete = cite(policies, "price-law#第三条第四款");
        undisclosed = cite(policies, "price-law#第十三条第二款");
        display = cite(policies, "price-law#第十三条", "property-fee-price-display-provisions#第六条");
        notice = cite(policies, "price-law#第十三条");
        quality = cite(policies, "property-regulation#第四十条");
    }

    List<Finding> check(String communityId, Fee fee, ParameterView params) {
        String subject = "community:" + communityId;
        FeeAssessment a = FeeAssessment.of(fee, params);
        List<Finding> out = new ArrayList<>();
        if (fee.isPreliminary() && fee.chargedPrice() != null) {
            if (a.isAboveBand(fee.chargedPrice()) || a.isBelowBand(fee.chargedPrice())) {
                boolean above = a.isAboveBand(fee.chargedPrice());
                GuidanceBand band = a.band();
                Map<String, Object> d = withParameter(a.guidance());
                d.put("chargedPrice", fee.chargedPrice());
                d.put("basePrice", band.basePrice());
                d.put("band", band.band());
                d.put("bandPercent", band.bandPercent());
                d.put(above ? "upperBound" : "lowerBound", above ? band.upperBound() : band.lowerBound());
                out.add(above
                        ? finding("CN-FEE-ABOVE-GUIDANCE-BAND", FindingCode.FEE_ABOVE_GUIDANCE_BAND, subject,
                                "前期物业服务费" + t(fee.chargedPrice()) + "元/㎡·月，高于政府指导价上限" + t(band.upperBound())
                                        + "元/㎡·月（基准价" + t(band.basePrice()) + "元，浮动幅度" + t(band.bandPercent()) + "%）",
                                d, List.of(new Action("REFUND", "按不高于" + t(band.upperBound()) + "元/㎡·月收费，退还多收部分", "物业服务企业", null)),
                                aboveBelow, a.guidance())
                        : finding("CN-FEE-BELOW-GUIDANCE-BAND", FindingCode.FEE_BELOW_GUIDANCE_BAND, subject,
                                "前期物业服务费" + t(fee.chargedPrice()) + "元/㎡·月，低于政府指导价下限" + t(band.lowerBound())
                                        + "元/㎡·月（基准价" + t(band.basePrice()) + "元，浮动幅度" + t(band.bandPercent()) + "%）",
                                d, List.of(new Action("RESTORE_AGREED_PRICE", "在政府指导价浮动幅度内（不低于" + t(band.lowerBound())
                                        + "元/㎡·月）确定收费标准", "物业服务企业", null)), aboveBelow, a.guidance()));
            }
            if (a.isRegimeUnknown()) {
                Map<String, Object> d = withParameter(a.regime());
                d.put("parameter", "fee.guidedPricing");
                d.put("reason", a.regime().getReason());
                out.add(finding("CN-FEE-GUIDED-PRICING-UNKNOWN", FindingCode.FEE_GUIDANCE_PRICE_UNAVAILABLE, subject,
                        "无法判断前期物业服务费是否在政府指导价范围内：本地区是否实行政府指导价未确定（" + a.regime().getReason() + "）",
                        d, List.of(), regime, a.regime()));
            }
            if (a.isGuidanceUnavailable()) {
                Map<String, Object> d = withParameter(a.guidance());
                d.put("parameter", "fee.guidancePrice");
                d.put("buildingType", fee.buildingType().name());
                d.put("buildingTypeName", fee.buildingType().chineseName());
                d.put("serviceLevel", fee.serviceLevel());
                d.put("asOf", params.asOf());
                d.put("reason", a.guidance().getReason());
                out.add(finding("CN-FEE-GUIDANCE-TABLE-UNAVAILABLE", FindingCode.FEE_GUIDANCE_PRICE_UNAVAILABLE, subject,
                        "前期物业服务费实行政府指导价，但" + fee.buildingType().chineseName() + fee.serviceLevel() + "级在" + params.asOf()
                                + "没有可用的基准价和浮动幅度：" + a.guidance().getReason(), d, List.of(), table, a.guidance()));
            }
            if (a.isGuided() && (fee.buildingType() == null || fee.serviceLevel() == null)) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("missing", fee.missingForGuidance());
                out.add(finding("CN-FEE-GUIDANCE-FACTS-INCOMPLETE", FindingCode.FACTS_INCOMPLETE, subject,
                        "前期物业服务费实行政府指导价，需提供" + t(fee.missingForGuidance()) + "才能查找对应的基准价", d, List.of(),
                        incomplete, null));
            }
        }
        if (fee.publicizedItems() != null) {
            for (Fee.ChargedItem item : fee.chargedItems()) {
                if (!fee.publicizedItems().contains(item.name())) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("item", item.name());
                    out.add(finding("CN-FEE-UNDISCLOSED-ITEM", FindingCode.FEE_UNDISCLOSED_ITEM, subject,
                            "收取了未公示（未标明）的收费项目：" + item.name(), d,
                            List.of(new Action("STOP_CHARGING", "停止收取" + item.name(), "物业服务企业", null),
                                    new Action("REFUND", "退还已收取的" + item.name(), "物业服务企业", null)), undisclosed, null));
                }
            }
        }
        if (fee.isPreliminary() && fee.priceDisplay() != null && !fee.priceDisplay().isComplete() && a.isGuided()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("missing", fee.priceDisplay().missing());
            out.add(finding("CN-FEE-PRICE-DISPLAY-INCOMPLETE", FindingCode.FEE_PRICE_DISPLAY_INCOMPLETE, subject,
                    "实行政府指导价的前期物业服务收费未完整明码标价，未标明：" + t(fee.priceDisplay().missing()), d,
                    List.of(new Action("PUBLIC_NOTICE", "在物业管理区域显著位置同时标明基准价、浮动幅度和实际收费标准", "物业服务企业", null)),
                    display, null));
        }
        Fee.PriceChange change = fee.priceChange();
        if (change != null && change.isChangingPrice() && change.publicizedOn() != null && change.effectiveOn() != null) {
            if (a.changeNotice().isUnavailable()) {
                Map<String, Object> d = withParameter(a.changeNotice());
                d.put("parameter", "fee.changeNoticeDays");
                d.put("reason", a.changeNotice().getReason());
                out.add(finding("CN-FEE-CHANGE-NOTICE-PERIOD-UNAVAILABLE", FindingCode.PARAMETER_UNAVAILABLE, subject,
                        "无法判断调价公示期是否足够：" + a.changeNotice().getReason(), d, List.of(), notice, a.changeNotice()));
            } else if (a.requiredNoticeDays() > change.noticeDays()) {
                Map<String, Object> d = withParameter(a.changeNotice());
                d.put("publicizedOn", change.publicizedOn());
                d.put("effectiveOn", change.effectiveOn());
                d.put("noticeDays", change.noticeDays());
                d.put("requiredDays", a.requiredNoticeDays());
                out.add(finding("CN-FEE-CHANGE-NOTICE-TOO-SHORT", FindingCode.FEE_CHANGE_NOTICE_TOO_SHORT, subject,
                        "新收费标准" + change.publicizedOn() + "公示、" + change.effectiveOn() + "执行，仅提前" + change.noticeDays()
                                + "日，少于规定的" + a.requiredNoticeDays() + "日", d,
                        List.of(new Action("PUBLIC_NOTICE", "重新公示新收费标准，公示期满后方可执行", "物业服务企业", null)), notice, a.changeNotice()));
            }
        }
        if (fee.serviceLevel() != null && fee.assessedServiceLevel() != null && fee.assessedServiceLevel() < fee.serviceLevel()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("serviceLevel", fee.serviceLevel());
            d.put("assessedServiceLevel", fee.assessedServiceLevel());
            out.add(finding("CN-FEE-QUALITY-BELOW-PRICE-TIER", FindingCode.FEE_QUALITY_BELOW_PRICE_TIER, subject,
                    "按" + fee.serviceLevel() + "级服务收费，但最近一次服务质量评估为" + fee.assessedServiceLevel() + "级，费用与服务水平不相适应",
                    d, List.of(), quality, null));
        }
        out.sort(Comparator.comparing(Finding::severity).thenComparing(Finding::code).thenComparing(Finding::ruleId));
        return out;
    }

    private static Finding finding(String ruleId, FindingCode code, String subject, String message, Map<String, Object> details,
                                   List<Action> actions, List<Citation> citations, ParameterValue parameter) {
        List<Citation> all = citations;
        if (parameter != null && !parameter.getCitations().isEmpty()) {
            all = new ArrayList<>(citations);
            for (Citation c : parameter.getCitations()) {
                if (!all.contains(c)) {
                    all.add(c);
                }
            }
        }
        return new Finding(ruleId, Area.FEE, code.name(), code.severity(), subject, message, details, actions, all);
    }

    private static Map<String, Object> withParameter(ParameterValue v) {
        Map<String, Object> d = new LinkedHashMap<>();
        if (v.isFound()) {
            d.put("parameterStatus", v.getStatus().name());
            d.put("parameterJurisdiction", v.getJurisdiction());
        }
        return d;
    }

    private static String t(Object value) {
        if (value instanceof BigDecimal d) {
            return d.stripTrailingZeros().toPlainString();
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(PlainJavaFeeCheck::t).collect(Collectors.joining("、"));
        }
        return String.valueOf(value);
    }

    private static List<Citation> cite(PolicyLibrary policies, String... refs) {
        List<Citation> out = new ArrayList<>();
        for (String ref : refs) {
            out.add(CitationRef.parse(ref).flatMap(policies::resolve).orElseThrow(() -> new IllegalStateException("no clause " + ref)));
        }
        return List.copyOf(out);
    }
}
