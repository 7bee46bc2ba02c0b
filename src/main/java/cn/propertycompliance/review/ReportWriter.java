package cn.propertycompliance.review;

import java.util.List;

/**
 * The few block shapes the review report is made of. {@link ReportLayout} writes the report once against this
 * interface; {@link HtmlWriter} and {@link MarkdownWriter} turn it into the page and the file, escaping every text.
 */
interface ReportWriter {

    /** Starts a titled part of the report; {@code anchor} (may be null) is its stable id for links. */
    void heading(int level, String anchor, String text);

    /** Groups what follows until {@link #end()} (a document, a clause); {@code anchor} may be null. */
    void begin(String cssClass, String anchor);

    void end();

    /** {@code style}: null, or "gap" / "ok" / "flag" for a highlighted remark. */
    void paragraph(String style, List<Inline> text);

    /** Law text, verbatim, line breaks kept. */
    void quote(String text);

    void table(String caption, List<String> headers, List<List<List<Inline>>> rows);

    void bullets(List<List<Inline>> items);

    String result();

    /** How many items a long list in a table cell shows before "… N in all" (the paged HTML keeps cells small). */
    default int maxListed() {
        return Integer.MAX_VALUE;
    }
}
