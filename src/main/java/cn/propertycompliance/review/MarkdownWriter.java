package cn.propertycompliance.review;

import java.util.List;

/**
 * Renders the report as CommonMark/GFM for attaching to a release. Every text is escaped, so a clause or message can
 * never turn into markup; links to anchors become plain text (a Markdown file has no stable anchors).
 */
final class MarkdownWriter implements ReportWriter {

    private final StringBuilder out = new StringBuilder();

    /** Backslash-escapes Markdown punctuation, writes {@code &} as an entity and keeps text on one line. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '#', '~', '!' -> b.append('\\').append(c);
                case '&' -> b.append("&amp;");
                case '\r' -> { }
                case '\n' -> b.append("<br>");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public void heading(int level, String anchor, String text) {
        out.append("\n").append("#".repeat(level)).append(' ').append(escape(text)).append("\n\n");
    }

    @Override
    public void begin(String cssClass, String anchor) {
        // Markdown has no sections; the heading that follows structures the file.
    }

    @Override
    public void end() {
    }

    @Override
    public void paragraph(String style, List<Inline> text) {
        out.append("flag".equals(style) ? "**⚠** " : "").append(inline(text)).append("\n\n");
    }

    @Override
    public void quote(String text) {
        for (String line : text.split("\n", -1)) {
            out.append("> ").append(escape(line)).append("\n");
        }
        out.append("\n");
    }

    @Override
    public void table(String caption, List<String> headers, List<List<List<Inline>>> rows) {
        if (caption != null) {
            out.append("**").append(escape(caption)).append("**\n\n");
        }
        out.append('|');
        headers.forEach(h -> out.append(' ').append(escape(h)).append(" |"));
        out.append("\n|");
        headers.forEach(h -> out.append(" --- |"));
        out.append('\n');
        for (List<List<Inline>> row : rows) {
            out.append('|');
            row.forEach(cell -> out.append(' ').append(inline(cell)).append(" |"));
            out.append('\n');
        }
        out.append('\n');
    }

    @Override
    public void bullets(List<List<Inline>> items) {
        items.forEach(item -> out.append("- ").append(inline(item)).append('\n'));
        out.append('\n');
    }

    @Override
    public String result() {
        return out.toString().stripLeading();
    }

    private static String inline(List<Inline> parts) {
        StringBuilder b = new StringBuilder();
        for (Inline p : parts) {
            switch (p.kind()) {
                case TEXT, LINK -> b.append(escape(p.text()));
                case CODE -> b.append(code(p.text()));
                case STRONG -> b.append("**").append(escape(p.text())).append("**");
                case BREAK -> b.append("<br>");
            }
        }
        return b.toString();
    }

    /** A code span that holds any text: fenced by more backticks than it contains; '|' escaped for tables. */
    private static String code(String text) {
        String t = text.replace("\n", " ").replace("|", "\\|");
        int longest = 0;
        int run = 0;
        for (char c : t.toCharArray()) {
            run = c == '`' ? run + 1 : 0;
            longest = Math.max(longest, run);
        }
        String fence = "`".repeat(longest + 1);
        return fence + " " + t + " " + fence;
    }
}
