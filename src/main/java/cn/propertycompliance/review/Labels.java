package cn.propertycompliance.review;

import cn.propertycompliance.parameters.ParameterEntry;
import cn.propertycompliance.parameters.ParameterStatus;
import cn.propertycompliance.policy.PolicyDocument;
import cn.propertycompliance.policy.SourceStatus;
import cn.propertycompliance.region.RegionTable;
import cn.propertycompliance.ruleset.RuleMeta;
import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

/** The Chinese wording the report uses for layers, statuses, values and periods, shared by both renderers. */
final class Labels {

    private Labels() {
    }

    static String layer(RegionTable regions, String code) {
        return regions.name(code).orElse("未知地区") + "（" + code + "）";
    }

    static String layer(Map<String, String> names, String code) {
        return names.getOrDefault(code, "未知地区") + "（" + code + "）";
    }

    static String status(ParameterStatus status) {
        return switch (status) {
            case OFFICIAL -> "正式（OFFICIAL）";
            case SECONDARY -> "二手来源（SECONDARY）";
            case INTERPRETATION -> "解释性取值（INTERPRETATION）";
            case PENDING -> "待公布（PENDING）";
        };
    }

    static String sourceStatus(SourceStatus status) {
        return switch (status) {
            case OFFICIAL -> "正式文本（OFFICIAL）";
            case SECONDARY -> "仅有二手文本（SECONDARY）";
            case PARTIAL -> "仅有不完整文本（PARTIAL，如截断的预览）";
        };
    }

    static String key(ParameterEntry e) {
        return e.key().isEmpty() ? "（不分）" : e.key().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(k -> k.getKey() + "=" + k.getValue()).collect(Collectors.joining("，"));
    }

    static String value(ParameterEntry e) {
        if (e.value().isEmpty()) {
            return "（无取值）";
        }
        return e.value().entrySet().stream().map(v -> v.getKey() + "=" + text(v.getValue())).collect(Collectors.joining("，"));
    }

    static String period(ParameterEntry e) {
        return e.effectiveFrom() + (e.effectiveTo() == null ? " 起" : " 至 " + e.effectiveTo());
    }

    /** {@code @expires} is the first day no longer in force. */
    static String period(RuleMeta r) {
        return r.effective() + " 起" + (r.expires() == null ? "" : "，" + r.expires() + " 起失效");
    }

    static String documentName(PolicyDocument d) {
        return "《" + d.title() + "》" + (d.docNumber() == null || d.docNumber().isBlank() ? "" : "（" + d.docNumber() + "）");
    }

    static String orNone(Object o) {
        return o == null || o.toString().isBlank() ? "（未填）" : o.toString();
    }

    private static String text(Object v) {
        return v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v);
    }
}
