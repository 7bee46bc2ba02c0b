package cn.propertycompliance.review;

import cn.propertycompliance.parameters.ParameterEntry;
import cn.propertycompliance.policy.PolicyDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Section 2: gaps, values that are not official, secondary sources, metadata and citation checks, failing cases. */
final class AttentionSection {

    private static final List<String> VALUE_HEADERS = List.of("参数", "层级", "键", "取值", "有效期", "依据", "说明", "位置");

    private final ReviewReport report;
    private final ReportWriter w;

    AttentionSection(ReviewReport report, ReportWriter w) {
        this.report = report;
        this.w = w;
    }

    void write() {
        Attention a = report.attention();
        w.begin("part", "s2");
        w.heading(2, null, "二、待关注事项");
        gaps(a.gaps());
        values("s2-pending", "2.2 待公布的参数（PENDING）", "以下取值为条文所要求、但主管部门尚未公布（或尚未录入）；规则据此给出“无法判断”（INDETERMINATE），不会判为合规。",
                a.pending());
        values("s2-interpretation", "2.3 解释性取值（INTERPRETATION）", "以下取值是对含义不确定的文字（如“较大比例”）所作的解释，须由审核人确认“说明”中的理解。",
                a.interpretations());
        values("s2-secondary", "2.4 依二手来源录入的参数（SECONDARY）", "以下取值只在二手文本（新闻、问答页面、转引）中读到，未与正式文本核对。",
                a.secondaryValues());
        secondaryDocuments(a.secondaryDocuments());
        metadata(a.metadataGaps());
        citations(a.citationChecks());
        failing(a.failingCases());
        w.end();
    }

    private void gaps(List<ClauseTrace> gaps) {
        w.begin("sub", "s2-gaps");
        w.heading(3, null, "2.1 未编码的条款");
        if (gaps.isEmpty()) {
            w.paragraph("ok", Inline.plain("每一条款都有规则或参数取值引用。"));
            w.end();
            return;
        }
        w.paragraph(null, Inline.plain("共 " + gaps.size() + " 条：policies/ 收录了条文，但没有规则或参数取值引用（或尚待其他领域编码）。"));
        Map<String, List<ClauseTrace>> byDocument = new LinkedHashMap<>();
        gaps.forEach(g -> byDocument.computeIfAbsent(g.documentId(), k -> new ArrayList<>()).add(g));
        List<List<List<Inline>>> rows = new ArrayList<>();
        byDocument.forEach((docId, clauses) -> {
            List<Inline> links = new ArrayList<>();
            for (ClauseTrace c : clauses) {
                if (!links.isEmpty()) {
                    links.add(Inline.text("、"));
                }
                links.add(Inline.link(c.clause().id(), Anchors.clause(docId, c.clause().id())));
            }
            rows.add(List.of(List.of(Inline.link(docId, Anchors.document(docId))), links));
        });
        w.table(null, List.of("文件", "未编码条款"), rows);
        w.end();
    }

    private void values(String anchor, String title, String explanation, List<ParameterEntry> entries) {
        w.begin("sub", anchor);
        w.heading(3, null, title);
        if (entries.isEmpty()) {
            w.paragraph("ok", Inline.plain("无。"));
            w.end();
            return;
        }
        w.paragraph(null, Inline.plain(explanation));
        w.table(null, VALUE_HEADERS, entries.stream().map(e -> List.of(
                Inline.plain(e.table()), Inline.plain(Labels.layer(report.layerNames(), e.jurisdiction())),
                Inline.plain(Labels.key(e)), Inline.plain(Labels.value(e)), Inline.plain(Labels.period(e)),
                citeLinks(e), Inline.plain(Labels.orNone(e.note())), List.of(Inline.code(e.where())))).toList());
        w.end();
    }

    private void secondaryDocuments(List<PolicyDocument> docs) {
        w.heading(3, null, "2.5 仅有二手或不完整文本的文件（sourceStatus: SECONDARY / PARTIAL）");
        if (docs.isEmpty()) {
            w.paragraph("ok", Inline.plain("无。"));
            return;
        }
        w.table(null, List.of("文件", "来源", "来源说明"), docs.stream().map(d -> List.of(
                List.of(Inline.link(Labels.documentName(d), Anchors.document(d.id()))), Inline.plain(d.source()),
                Inline.plain(Labels.orNone(d.sourceNote())))).toList());
    }

    private void metadata(List<Attention.MetadataGap> gaps) {
        w.heading(3, null, "2.6 被引用文件的信息缺项");
        if (gaps.isEmpty()) {
            w.paragraph("ok", Inline.plain("被引用的文件均有文号、公布日期和效力状态。"));
            return;
        }
        w.paragraph(null, Inline.plain("以下被规则或参数引用的文件缺少文号、公布日期或效力状态；录入人未在来源文本中读到的信息不填写，原因见来源说明。"));
        w.table(null, List.of("文件", "缺项", "来源说明"), gaps.stream().map(g -> List.of(
                List.of(Inline.link(Labels.documentName(g.document()), Anchors.document(g.document().id()))),
                Inline.plain(String.join("、", g.missing())), Inline.plain(Labels.orNone(g.document().sourceNote())))).toList());
    }

    private void citations(List<Attention.CitationCheck> checks) {
        w.heading(3, null, "2.7 引用的时间与层级核对");
        if (checks.isEmpty()) {
            w.paragraph("ok", Inline.plain("所有引用在时间和层级上均相符。"));
            return;
        }
        w.paragraph(null, Inline.plain("规则或参数的适用起始日早于所引文件的施行日期、所引文件已废止，或所引文件不属于本层级及其上级的，列出供核对。"));
        w.table(null, List.of("规则/参数", "位置", "引用", "问题"), checks.stream().map(c -> List.of(
                Inline.plain(c.subject()), List.of(Inline.code(c.where())), Inline.plain(c.ref()), Inline.plain(c.problem()))).toList());
    }

    private void failing(List<CaseRun> runs) {
        w.heading(3, null, "2.8 未通过的情景用例");
        if (runs.isEmpty()) {
            w.paragraph("ok", Inline.plain("全部情景用例通过。"));
            return;
        }
        w.paragraph("flag", Inline.plain(runs.size() + " 个用例未通过；未通过的用例不计入覆盖率。"));
        w.table(null, List.of("用例", "位置", "不符之处"), runs.stream().map(r -> List.of(
                List.of(Inline.link(r.scenario().name(), Anchors.caseRun(r))), List.of(Inline.code(r.key())),
                Inline.plain(String.join("\n", r.failures())))).toList());
    }

    private static List<Inline> citeLinks(ParameterEntry e) {
        List<Inline> out = new ArrayList<>();
        e.cite().forEach(c -> {
            if (!out.isEmpty()) {
                out.add(Inline.br());
            }
            out.add(Inline.link(c.toString(), Anchors.clause(c.documentId(), c.clauseId())));
        });
        return out;
    }
}
