package cn.propertycompliance.review;

import cn.propertycompliance.ruleset.RuleMeta;
import java.util.ArrayList;
import java.util.List;

/** Appendices: every rule with its message and citations, every case with its result, and the load notes. */
final class AppendixSection {

    private final ReviewReport report;
    private final ReportWriter w;

    AppendixSection(ReviewReport report, ReportWriter w) {
        this.report = report;
        this.w = w;
    }

    void write() {
        rules();
        cases();
        warnings();
    }

    void rules() {
        w.begin("part", "appendix-rules");
        w.heading(2, null, "附录一、规则清单");
        for (RuleTrace t : report.rules()) {
            RuleMeta r = t.rule();
            w.begin("rule", Anchors.rule(r.id()));
            w.heading(3, null, r.id());
            List<Inline> cites = new ArrayList<>();
            for (int i = 0; i < r.cite().size(); i++) {
                if (i > 0) {
                    cites.add(Inline.br());
                }
                var ref = r.cite().get(i);
                cites.add(Inline.link(r.citations().get(i).document() + " " + ref.clauseId(), Anchors.clause(ref.documentId(), ref.clauseId())));
            }
            w.table(null, List.of("项目", "内容"), List.of(
                    List.of(Inline.plain("领域"), Inline.plain(r.area().name() + " " + r.area().chineseName())),
                    List.of(Inline.plain("层级"), Inline.plain(Labels.layer(report.layerNames(), r.jurisdiction()))),
                    List.of(Inline.plain("结论代码"), Inline.plain(r.code().name() + "（" + r.code().severity().name() + "）")),
                    List.of(Inline.plain("施行期间"), Inline.plain(Labels.period(r))),
                    List.of(Inline.plain("替换"), Inline.plain(Labels.orNone(r.overrides()))),
                    List.of(Inline.plain("提示信息（模板）"), Inline.plain(r.message())),
                    List.of(Inline.plain("依据"), cites),
                    List.of(Inline.plain("位置"), List.of(Inline.code(r.where())))));
            w.end();
        }
        w.end();
    }

    void cases() {
        w.begin("part", "appendix-cases");
        w.heading(2, null, "附录二、情景用例运行结果");
        for (CaseRun run : report.cases()) {
            List<Inline> text = new ArrayList<>(List.of(Inline.strong(run.scenario().name()), Inline.text(" "),
                    Inline.code(run.key()), Inline.br(),
                    Inline.text("地区层级 " + String.join(" → ", run.layers()) + (run.asOf() == null ? "" : "，评价日期 " + run.asOf())
                            + "；" + (run.passed() ? "通过" : "未通过：" + String.join("；", run.failures()))),
                    Inline.br(), Inline.text("产生结论的规则：")));
            if (run.fired().isEmpty()) {
                text.add(Inline.text("（无）"));
            }
            boolean first = true;
            for (String id : run.fired()) {
                text.add(Inline.text(first ? "" : "、"));
                text.add(Inline.link(id, Anchors.rule(id)));
                first = false;
            }
            w.begin("case", Anchors.caseRun(run));
            w.paragraph(run.passed() ? null : "flag", text);
            w.end();
        }
        w.end();
    }

    void warnings() {
        w.begin("part", "appendix-warnings");
        w.heading(2, null, "附录三、载入提示");
        if (report.warnings().isEmpty()) {
            w.paragraph(null, Inline.plain("无。"));
        } else {
            w.bullets(report.warnings().stream().map(p -> List.of(Inline.code(p.file() + ":" + p.line()), Inline.text(" " + p.message())))
                    .toList());
        }
        w.end();
    }
}
