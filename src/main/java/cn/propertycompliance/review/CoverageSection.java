package cn.propertycompliance.review;

import java.util.List;

/** Section 4: coverage figures and the rules and clauses still lacking a positive or a negative case. */
final class CoverageSection {

    private final ReviewReport report;
    private final ReportWriter w;

    CoverageSection(ReviewReport report, ReportWriter w) {
        this.report = report;
        this.w = w;
    }

    void write() {
        Coverage c = report.coverage();
        w.begin("part", "s4");
        w.heading(2, null, "四、测试覆盖");
        w.bullets(c.summaryLines().stream().map(Inline::plain).toList());
        w.table("各规则的用例", List.of("规则", "领域", "层级", "正向用例", "反向用例", "正反齐全"), report.rules().stream().map(t -> List.of(
                List.of(Inline.link(t.rule().id(), Anchors.rule(t.rule().id()))),
                Inline.plain(t.rule().area().chineseName()),
                Inline.plain(Labels.layer(report.layerNames(), t.rule().jurisdiction())),
                TraceSection.caseLinks(t.positive(), w.maxListed()), TraceSection.caseLinks(t.negative(), w.maxListed()),
                Inline.plain(t.covered() ? "是" : "否"))).toList());
        if (!c.uncoveredClauses().isEmpty()) {
            w.heading(3, null, "正反用例不齐的被引条款");
            w.bullets(c.uncoveredClauses().stream().map(cl -> List.of(Inline.link(cl.ref(), Anchors.clause(cl.documentId(), cl.clause().id())),
                    Inline.text("：正向 " + cl.positive().size() + " 个，反向 " + cl.negative().size() + " 个"))).toList());
        }
        w.end();
    }
}
