package cn.propertycompliance.ruleset;

import java.nio.charset.StandardCharsets;

/** A file of the release, its path relative to the project root (e.g. {@code rules/national/fee.drl}). */
public record SourceFile(String path, byte[] bytes) {

    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    public String fileName() {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The folder of this file, relative to the project root. */
    public String folder() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }

    /** 1-based line of the first occurrence of {@code needle}, or 1 when absent: where to point a reader. */
    public int lineOf(String needle) {
        String text = text();
        int at = needle == null ? -1 : text.indexOf(needle);
        if (at < 0) {
            return 1;
        }
        int line = 1;
        for (int i = 0; i < at; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
