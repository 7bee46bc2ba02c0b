package cn.propertycompliance.review;

import java.util.List;

/** Renders the report as one server-side HTML page: no script, plain CSS, every text and attribute escaped. */
final class HtmlWriter implements ReportWriter {

    private static final String CSS = """
            body{font-family:"Noto Sans CJK SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0 auto;max-width:1200px;
            padding:1rem 2rem;line-height:1.6;color:#222}
            h1{border-bottom:2px solid #333}h2{border-bottom:1px solid #999;margin-top:2.5rem}
            h3{margin-top:2rem;background:#f0f3f7;padding:.3rem .5rem}h4{margin:1.2rem 0 .3rem}
            table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem;font-size:.92rem}
            caption{text-align:left;font-weight:bold;padding:.2rem 0}
            th,td{border:1px solid #bbb;padding:.3rem .4rem;vertical-align:top;text-align:left;overflow-wrap:anywhere}
            th{background:#eef}
            blockquote.clause-text{white-space:pre-line;margin:.3rem 0 .6rem;padding:.4rem .8rem;border-left:4px solid #6a8;
            background:#f7fbf8}
            section.clause{border-top:1px dotted #ccc;padding-top:.2rem}
            p.gap{color:#a60}p.flag{color:#b00;font-weight:bold}p.ok{color:#060}
            code{font-family:monospace;background:#f4f4f4;padding:0 .2rem}ul{margin:.2rem 0;padding-left:1.2rem}
            nav ol{columns:2}
            """;

    private final StringBuilder out = new StringBuilder();
    /** Where a link to an anchor points: "#anchor" on the one-page report, another page's URL on the paged one. */
    private final java.util.function.Function<String, String> href;
    private final int maxListed;

    HtmlWriter(String title) {
        this(title, anchor -> "#" + anchor, Integer.MAX_VALUE);
    }

    HtmlWriter(String title, java.util.function.Function<String, String> href, int maxListed) {
        this.href = href;
        this.maxListed = maxListed;
        out.append("<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n<title>").append(escape(title))
                .append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    }

    /** Escapes text for element content and double- or single-quoted attribute values. */
    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    @Override
    public void heading(int level, String anchor, String text) {
        out.append("<h").append(level).append(id(anchor)).append('>').append(escape(text)).append("</h").append(level).append(">\n");
    }

    @Override
    public void begin(String cssClass, String anchor) {
        out.append("<section class=\"").append(escape(cssClass)).append('"').append(id(anchor)).append(">\n");
    }

    @Override
    public void end() {
        out.append("</section>\n");
    }

    @Override
    public void paragraph(String style, List<Inline> text) {
        out.append("<p").append(style == null ? "" : " class=\"" + escape(style) + "\"").append('>');
        inline(text);
        out.append("</p>\n");
    }

    @Override
    public void quote(String text) {
        out.append("<blockquote class=\"clause-text\">").append(escape(text)).append("</blockquote>\n");
    }

    @Override
    public void table(String caption, List<String> headers, List<List<List<Inline>>> rows) {
        out.append("<table>\n");
        if (caption != null) {
            out.append("<caption>").append(escape(caption)).append("</caption>\n");
        }
        out.append("<thead><tr>");
        headers.forEach(h -> out.append("<th>").append(escape(h)).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (List<List<Inline>> row : rows) {
            out.append("<tr>");
            for (List<Inline> cell : row) {
                out.append("<td>");
                inline(cell);
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    @Override
    public void bullets(List<List<Inline>> items) {
        out.append("<ul>\n");
        for (List<Inline> item : items) {
            out.append("<li>");
            inline(item);
            out.append("</li>\n");
        }
        out.append("</ul>\n");
    }

    @Override
    public int maxListed() {
        return maxListed;
    }

    @Override
    public String result() {
        return out + "</body>\n</html>\n";
    }

    private void inline(List<Inline> parts) {
        for (Inline p : parts) {
            switch (p.kind()) {
                case TEXT -> out.append(escape(p.text()));
                case LINK -> out.append("<a href=\"").append(escape(href.apply(p.anchor()))).append("\">").append(escape(p.text())).append("</a>");
                case CODE -> out.append("<code>").append(escape(p.text())).append("</code>");
                case STRONG -> out.append("<strong>").append(escape(p.text())).append("</strong>");
                case BREAK -> out.append("<br>");
            }
        }
    }

    private static String id(String anchor) {
        return anchor == null ? "" : " id=\"" + escape(anchor) + "\"";
    }
}
