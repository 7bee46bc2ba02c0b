package cn.propertycompliance.review;

import java.util.List;

/** A piece of running text in the report: plain, a link to an anchor of the report, code, emphasis or a line break. */
record Inline(Kind kind, String text, String anchor) {

    enum Kind { TEXT, LINK, CODE, STRONG, BREAK }

    static Inline text(String text) {
        return new Inline(Kind.TEXT, text, null);
    }

    static Inline link(String text, String anchor) {
        return new Inline(Kind.LINK, text, anchor);
    }

    static Inline code(String text) {
        return new Inline(Kind.CODE, text, null);
    }

    static Inline strong(String text) {
        return new Inline(Kind.STRONG, text, null);
    }

    static Inline br() {
        return new Inline(Kind.BREAK, "", null);
    }

    /** A cell or paragraph of plain text. */
    static List<Inline> plain(String text) {
        return List.of(text(text));
    }
}
