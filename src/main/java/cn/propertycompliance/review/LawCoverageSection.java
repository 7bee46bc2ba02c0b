package cn.propertycompliance.review;

import cn.propertycompliance.coverage.AreaCoverage;
import cn.propertycompliance.coverage.Held;
import java.util.ArrayList;
import java.util.List;

/**
 * Section 5: where and when the encoded law reaches — every jurisdiction's declared span per area, what held outside
 * it, and the gaps (dates or places where a question is answered INDETERMINATE, LAW_NOT_COVERED).
 */
final class LawCoverageSection {

    private final ReviewReport report;
    private final ReportWriter w;

    LawCoverageSection(ReviewReport report, ReportWriter w) {
        this.report = report;
        this.w = w;
    }

    void write() {
        w.begin("part", "s5");
        w.heading(2, null, "五、法律覆盖范围与空白（按地区、领域）");
        w.paragraph(null, Inline.plain("每个地区按领域声明其编码覆盖的日期范围及范围之外适用什么（jurisdiction.yaml 的 coverage）。"
                + "决定适用法律的日期（事件日、行为日、报修日、表决日、评价日期）落在“未知”处的问题答 INDETERMINATE（LAW_NOT_COVERED），"
                + "不回落到其他层级。层级链上每一层都要问到：上级层的编码范围不因下级已覆盖而被视为已知；只有对该领域什么也没编码的上级层"
                + "由覆盖该日期的下级编码代表。没有目录的省、设区的市（其文本未收录）一律为空白；区县不制定地方性法规，不单独计。"));
        w.table("覆盖范围", List.of("地区", "领域", "覆盖", "状态", "依据与说明", "范围之前", "范围之后"), report.lawCoverage().stream()
                .map(c -> List.of(
                        Inline.plain(Labels.layer(report.layerNames(), c.jurisdiction())),
                        Inline.plain(c.area().chineseName()),
                        Inline.plain(c.span()),
                        Inline.plain(c.status() == null ? "—" : c.status()),
                        Inline.plain(join(c.note(), c.cite().stream().map(Object::toString).toList())),
                        Inline.plain(outside(c.before())),
                        Inline.plain(c.encoded() && c.to() != null ? outside(c.after()) : "—")))
                .toList());
        List<List<Inline>> gaps = new ArrayList<>();
        for (AreaCoverage c : report.lawCoverage()) {
            String where = Labels.layer(report.layerNames(), c.jurisdiction()) + " · " + c.area().chineseName() + "：";
            if (!c.encoded()) {
                if (c.before().held() == Held.UNKNOWN) {
                    gaps.add(Inline.plain(where + "任何日期均未知（未编码）" + note(c.before())
                            + "；下级地区覆盖某日时由其代表"));
                }
                continue;
            }
            if (c.before().held() == Held.UNKNOWN) {
                gaps.add(Inline.plain(where + c.from() + " 之前未知" + note(c.before())));
            }
            if (c.to() != null && c.after().held() == Held.UNKNOWN) {
                gaps.add(Inline.plain(where + c.to() + " 之后未知" + note(c.after())));
            }
        }
        w.heading(3, null, "空白（答 INDETERMINATE 的日期范围）");
        w.bullets(gaps);
        w.end();
    }

    private static String outside(AreaCoverage.Outside o) {
        String held = switch (o.held()) {
            case BROADER -> "上级层级的规定";
            case NONE -> "无本地规定";
            case UNKNOWN -> "未知";
        };
        return join(held + (o.note() == null ? "" : "：" + o.note()), o.cite().stream().map(Object::toString).toList());
    }

    private static String note(AreaCoverage.Outside o) {
        return o.note() == null ? "" : "（" + o.note() + "）";
    }

    private static String join(String text, List<String> cites) {
        String t = text == null ? "" : text;
        return cites.isEmpty() ? t : t + (t.isEmpty() ? "" : " ") + "〔" + String.join("、", cites) + "〕";
    }
}
