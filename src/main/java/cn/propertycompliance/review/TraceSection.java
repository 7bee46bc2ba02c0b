package cn.propertycompliance.review;

import cn.propertycompliance.parameters.ParameterEntry;
import cn.propertycompliance.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.List;

/** Section 1: per document and clause, the rules and parameter values that encode it and the cases that test it. */
final class TraceSection {

    static final List<String> RULE_HEADERS = List.of("规则", "层级", "施行期间", "结论代码", "提示信息（模板）", "正向用例（产生该结论）",
            "反向用例（可适用但不产生）");
    static final List<String> PARAMETER_HEADERS = List.of("参数", "层级", "键", "取值", "状态", "有效期", "说明", "位置");

    private final ReviewReport report;
    private final ReportWriter w;

    TraceSection(ReviewReport report, ReportWriter w) {
        this.report = report;
        this.w = w;
    }

    void write() {
        w.begin("part", "s1");
        w.heading(2, null, "一、条款与规则对照");
        w.paragraph(null, Inline.plain("按效力层级列出 policies/ 中的每一文件及其条款：编码该条款的规则（含提示信息）、引用该条款的参数取值，"
                + "以及实际运行情景用例的结果。正向用例：规则在该用例中产生了结论；反向用例：规则在该用例的地区、日期和领域内可适用，"
                + "却未产生结论，且用例断言了这一点（完整列出预期结论，或在 absent 中列出该结论代码）。只计通过的用例。"));
        for (DocumentTrace doc : report.documents()) {
            document(doc);
        }
        w.end();
    }

    void document(DocumentTrace trace) {
        PolicyDocument d = trace.document();
        w.begin("document", Anchors.document(d.id()));
        w.heading(3, null, Labels.documentName(d));
        w.table(null, List.of("项目", "内容"), List.of(
                row("文件标识", d.id()),
                row("效力层级", d.level().chineseName()),
                row("发布机关", d.issuer()),
                row("文号", Labels.orNone(d.docNumber())),
                row("地区", Labels.layer(report.layerNames(), d.jurisdiction())),
                row("公布日期", Labels.orNone(d.promulgated())),
                row("施行日期", Labels.orNone(d.effective())),
                row("效力状态", Labels.orNone(d.validity())),
                row("文本来源", Labels.sourceStatus(d.sourceStatus()) + "：" + d.source()),
                row("来源说明", Labels.orNone(d.sourceNote())),
                row("文件位置", d.file())));
        for (ClauseTrace clause : trace.clauses()) {
            clause(d, clause);
        }
        w.end();
    }

    private void clause(PolicyDocument d, ClauseTrace c) {
        w.begin("clause", Anchors.clause(d.id(), c.clause().id()));
        w.heading(4, null, d.citedAs() + " " + c.clause().id());
        w.quote(c.clause().text());
        if (!c.rules().isEmpty()) {
            w.table("编码本条的规则", RULE_HEADERS, c.rules().stream().map(this::ruleRow).toList());
        }
        if (!c.viaParameter().isEmpty()) {
            w.table("经参数取值引用本条的规则", RULE_HEADERS, c.viaParameter().stream().map(this::ruleRow).toList());
        }
        if (!c.parameters().isEmpty()) {
            w.table("引用本条的参数取值", PARAMETER_HEADERS, c.parameters().stream().map(this::parameterRow).toList());
        }
        if (!c.encoded()) {
            w.paragraph("gap", Inline.plain("未编码：没有规则或参数取值引用本条。"));
        } else {
            w.paragraph(c.covered() ? "ok" : "flag", Inline.plain("本条测试：正向用例 " + c.positive().size() + " 个，反向用例 "
                    + c.negative().size() + " 个" + (c.covered() ? "。" : "，正反用例不齐，请补充。")));
        }
        w.end();
    }

    List<List<Inline>> ruleRow(RuleTrace t) {
        var r = t.rule();
        return List.of(
                List.of(Inline.link(r.id(), Anchors.rule(r.id())), Inline.br(), Inline.code(r.where())),
                Inline.plain(Labels.layer(report.layerNames(), r.jurisdiction())
                        + (r.overrides() == null ? "" : "；替换 " + r.overrides())),
                Inline.plain(Labels.period(r)),
                Inline.plain(r.code().name() + "（" + r.code().severity().name() + "）"),
                Inline.plain(r.message()),
                caseLinks(t.positive(), w.maxListed()),
                caseLinks(t.negative(), w.maxListed()));
    }

    List<List<Inline>> parameterRow(ParameterEntry e) {
        return List.of(Inline.plain(e.table()), Inline.plain(Labels.layer(report.layerNames(), e.jurisdiction())),
                Inline.plain(Labels.key(e)), Inline.plain(Labels.value(e)), Inline.plain(Labels.status(e.status())),
                Inline.plain(Labels.period(e)), Inline.plain(Labels.orNone(e.note())), List.of(Inline.code(e.where())));
    }

    /** Links to the cases, at most {@code max} of them and then how many there are in all. */
    static List<Inline> caseLinks(List<CaseRun> runs, int max) {
        if (runs.isEmpty()) {
            return Inline.plain("（无）");
        }
        List<Inline> out = new ArrayList<>();
        for (CaseRun run : runs.subList(0, Math.min(max, runs.size()))) {
            if (!out.isEmpty()) {
                out.add(Inline.br());
            }
            out.add(Inline.link(run.scenario().name(), Anchors.caseRun(run)));
        }
        if (runs.size() > max) {
            out.add(Inline.br());
            out.add(Inline.link("…共 " + runs.size() + " 个用例", "appendix-cases"));
        }
        return out;
    }

    private static List<List<Inline>> row(String label, String value) {
        return List.of(Inline.plain(label), Inline.plain(value));
    }
}
