package cn.propertycompliance.review;

import java.util.List;

/**
 * The order and wording of the review report, written once for both outputs. Nothing here depends on the time or
 * the machine: the same files give the same report, which names the release it was made from.
 */
public final class ReportLayout {

    static final String TITLE = "规则发布包法制审核报告";

    private ReportLayout() {
    }

    public static String html(ReviewReport report) {
        return write(report, new HtmlWriter(TITLE + " · " + report.releaseId()));
    }

    public static String markdown(ReviewReport report) {
        return write(report, new MarkdownWriter());
    }

    /**
     * The report as pages for the browser ({@code /review} and below): a summary page first, then one page per document
     * and per section, so no page carries the whole report. Keys are page paths under /review ("" is the summary).
     */
    public static java.util.Map<String, String> pages(ReviewReport report) {
        return pages(report, ReviewPages.BASE);
    }

    /** The same pages, linking to each other under {@code base} instead of /review. */
    public static java.util.Map<String, String> pages(ReviewReport report, String base) {
        ReviewPages.Links links = new ReviewPages.Links(base, report.documents().stream().map(d -> d.document().id()).toList());
        java.util.Map<String, String> pages = new java.util.LinkedHashMap<>();
        ReportWriter index = links.writer(TITLE + " · " + report.releaseId());
        head(report, index);
        if (!report.built()) {
            failed(report, index);
        } else {
            index.bullets(report.coverage().summaryLines().stream().map(Inline::plain).toList());
            contents(report, index);
        }
        pages.put("", index.result());
        if (!report.built()) {
            return pages;
        }
        for (DocumentTrace doc : report.documents()) {
            pages.put(ReviewPages.document(doc.document().id()),
                    page(links, report, Labels.documentName(doc.document()), w -> new TraceSection(report, w).document(doc)));
        }
        pages.put(ReviewPages.ATTENTION, page(links, report, "二、待关注事项", w -> new AttentionSection(report, w).write()));
        pages.put(ReviewPages.CONFLICTS, page(links, report, "三、跨层冲突", w -> new ConflictSection(report, w).write()));
        pages.put(ReviewPages.COVERAGE, page(links, report, "四、测试覆盖", w -> new CoverageSection(report, w).write()));
        pages.put(ReviewPages.LAW_COVERAGE, page(links, report, "五、法律覆盖范围与空白", w -> new LawCoverageSection(report, w).write()));
        pages.put(ReviewPages.RULES, page(links, report, "附录一、规则清单", w -> new AppendixSection(report, w).rules()));
        pages.put(ReviewPages.CASES, page(links, report, "附录二、情景用例运行结果", w -> new AppendixSection(report, w).cases()));
        pages.put(ReviewPages.NOTES, page(links, report, "附录三、载入提示", w -> new AppendixSection(report, w).warnings()));
        return pages;
    }

    private static String page(ReviewPages.Links links, ReviewReport report, String title,
                               java.util.function.Consumer<ReportWriter> body) {
        ReportWriter w = links.writer(title + " · " + TITLE);
        w.paragraph(null, List.of(Inline.link("← " + TITLE + "（目录）", "top"), Inline.text(" · 发布包 "), Inline.code(report.releaseId())));
        body.accept(w);
        return w.result();
    }

    private static void head(ReviewReport report, ReportWriter w) {
        w.heading(1, "top", TITLE);
        w.paragraph(null, List.of(Inline.text("发布包："), Inline.code(report.releaseId()),
                Inline.text(report.releaseLabel() == null ? "" : "（标签 " + report.releaseLabel() + "）")));
        w.paragraph(null, Inline.plain("本报告由 rules/（规则、参数表、情景用例）与 policies/（法规政策文本）自动生成：情景用例在生成时实际运行，"
                + "条款与规则、参数、用例的对应关系均来自运行结果和文件中的引用。发布包标识是全部文件内容的 SHA-256，同一组文件生成的报告完全相同。"));
    }

    private static String write(ReviewReport report, ReportWriter w) {
        head(report, w);
        if (!report.built()) {
            failed(report, w);
            return w.result();
        }
        w.bullets(report.coverage().summaryLines().stream().map(Inline::plain).toList());
        contents(report, w);
        new TraceSection(report, w).write();
        new AttentionSection(report, w).write();
        new ConflictSection(report, w).write();
        new CoverageSection(report, w).write();
        new LawCoverageSection(report, w).write();
        new AppendixSection(report, w).write();
        return w.result();
    }

    private static void contents(ReviewReport report, ReportWriter w) {
        w.begin("part", "contents");
        w.heading(2, null, "目录");
        w.bullets(List.of(
                List.of(Inline.link("一、条款与规则对照", "s1")),
                List.of(Inline.link("二、待关注事项（未编码条款、待公布与解释性参数、二手来源）", "s2")),
                List.of(Inline.link("三、跨层冲突", "s3")),
                List.of(Inline.link("四、测试覆盖", "s4")),
                List.of(Inline.link("五、法律覆盖范围与空白（按地区、领域）", "s5")),
                List.of(Inline.link("附录一、规则清单", "appendix-rules")),
                List.of(Inline.link("附录二、情景用例运行结果", "appendix-cases")),
                List.of(Inline.link("附录三、载入提示", "appendix-warnings"))));
        w.table("文件一览", List.of("文件", "效力层级", "地区", "条款数", "已编码条款"), report.documents().stream().map(d -> List.of(
                List.of(Inline.link(Labels.documentName(d.document()), Anchors.document(d.document().id()))),
                Inline.plain(d.document().level().chineseName()),
                Inline.plain(Labels.layer(report.layerNames(), d.document().jurisdiction())),
                Inline.plain(String.valueOf(d.clauses().size())),
                Inline.plain(String.valueOf(d.clauses().stream().filter(ClauseTrace::encoded).count())))).toList());
        w.end();
    }

    /** Files that do not build: every problem with file:line; the @overrides ones also under "跨层冲突". */
    private static void failed(ReviewReport report, ReportWriter w) {
        w.begin("part", "load-errors");
        w.heading(2, null, "发布包无法生成");
        w.paragraph("flag", Inline.plain("以下 " + report.loadErrors().size() + " 个问题使发布包无法生成（服务也不会启用它）；"
                + "修正后重新生成报告。条款对照、覆盖率等各节需要可用的发布包，故本次从略。"));
        w.bullets(report.loadErrors().stream().map(p -> List.of(Inline.code(p.file() + ":" + p.line()), Inline.text(" " + p.message()))).toList());
        w.end();
        if (!report.overrideErrors().isEmpty()) {
            w.begin("part", "s3");
            w.heading(2, null, "三、跨层冲突");
            w.paragraph("flag", Inline.plain("@overrides 指向不存在的规则或非上级层级的规则："));
            w.bullets(report.overrideErrors().stream().map(p -> List.of(Inline.code(p.file() + ":" + p.line()), Inline.text(" " + p.message()))).toList());
            w.end();
        }
    }
}
