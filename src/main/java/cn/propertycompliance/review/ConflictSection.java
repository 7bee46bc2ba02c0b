package cn.propertycompliance.review;

import cn.propertycompliance.parameters.ParameterEntry;
import cn.propertycompliance.ruleset.Problem;
import java.util.List;

/** Section 3: parameter values of nested layers that disagree, rule replacements, and load errors about them. */
final class ConflictSection {

    private final ReviewReport report;
    private final ReportWriter w;

    ConflictSection(ReviewReport report, ReportWriter w) {
        this.report = report;
        this.w = w;
    }

    void write() {
        w.begin("part", "s3");
        w.heading(2, null, "三、跨层冲突");
        w.paragraph(null, Inline.plain("机制：同一参数在上下两级（如省与市）均有取值、键相同且有效期重叠时，下级取值生效；下级条目未写 overrides: true "
                + "的列为冲突。参数表可用 stricter 声明某一数值字段哪个方向更严（如 stricter: {days: HIGHER} 表示天数越多越严）；"
                + "下级取值比上级宽松的一律列出，并比较双方所引文件的效力层级，报告只提示、不作判断。规则以 @overrides 替换上级规则的，"
                + "列出双方依据的最高效力层级；替换规则的依据低于被替换规则的，标为需审核。参数文件声明 addsToBroaderLayers: true 的下级层级，"
                + "其条目与上级条目并行适用（各由本层级的规则读取，如淄博与山东的业主委员会成员负面清单），不是替换，不列为冲突。"));
        parameters();
        overrides();
        loadErrors();
        w.end();
    }

    private void parameters() {
        w.begin("sub", "s3-parameters");
        w.heading(3, null, "3.1 参数的跨层冲突");
        if (report.conflicts().isEmpty()) {
            w.paragraph("ok", Inline.plain("未发现参数的跨层冲突。"));
            w.end();
            return;
        }
        w.paragraph("flag", Inline.plain("发现 " + report.conflicts().size() + " 处，请逐一审核。"));
        w.table(null, List.of("类型", "参数", "上级取值", "下级取值", "说明"), report.conflicts().stream().map(c -> List.of(
                Inline.plain(c.kind().chineseName()), Inline.plain(c.table()), entry(c.broader()), entry(c.narrower()),
                Inline.plain(c.explanation()))).toList());
        w.end();
    }

    private List<Inline> entry(ParameterEntry e) {
        return List.of(Inline.text(Labels.layer(report.layerNames(), e.jurisdiction())), Inline.br(),
                Inline.text(Labels.key(e) + "：" + Labels.value(e)), Inline.br(),
                Inline.text(Labels.status(e.status()) + "，" + Labels.period(e)
                        + (e.overrides() ? "，声明替换（overrides: true）" : "")), Inline.br(),
                Inline.text("依据 " + String.join("、", e.cite().stream().map(Object::toString).toList())), Inline.br(),
                Inline.code(e.where()));
    }

    private void overrides() {
        w.begin("sub", "s3-overrides");
        w.heading(3, null, "3.2 规则替换（@overrides）");
        if (report.overrides().isEmpty()) {
            w.paragraph(null, Inline.plain("本发布包没有替换上级规则的规则。"));
            w.end();
            return;
        }
        w.table(null, List.of("替换规则", "被替换规则", "替换规则依据的最高层级", "被替换规则依据的最高层级", "审核提示"),
                report.overrides().stream().map(o -> List.of(
                        List.of(Inline.link(o.rule().id(), Anchors.rule(o.rule().id())), Inline.br(),
                                Inline.text(Labels.layer(report.layerNames(), o.rule().jurisdiction()))),
                        List.of(Inline.link(o.replaced().id(), Anchors.rule(o.replaced().id())), Inline.br(),
                                Inline.text(Labels.layer(report.layerNames(), o.replaced().jurisdiction()))),
                        Inline.plain(o.ruleLevel()), Inline.plain(o.replacedLevel()),
                        Inline.plain(o.needsReview() ? "需审核：替换规则的依据效力低于被替换规则，可能放宽上位规定" : "依据层级不低于被替换规则")))
                        .toList());
        w.end();
    }

    private void loadErrors() {
        List<Problem> errors = report.overrideErrors();
        if (errors.isEmpty()) {
            return;
        }
        w.begin("sub", "s3-load");
        w.heading(3, null, "3.3 无法载入的替换声明");
        w.paragraph("flag", Inline.plain("以下 @overrides 指向不存在的规则或非上级层级的规则，发布包因此无法生成："));
        w.bullets(errors.stream().map(p -> List.of(Inline.code(p.file() + ":" + p.line()), Inline.text(" " + p.message()))).toList());
        w.end();
    }
}
