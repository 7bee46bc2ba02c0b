package cn.propertycompliance.api;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads NDJSON lines as bytes with a size limit per line, so one huge line cannot exhaust memory. */
final class LineReader {

    /** A line's bytes, or {@code tooLong} when it exceeded the limit (its bytes were skipped). */
    record Line(byte[] bytes, boolean tooLong) {
        boolean isBlank() {
            for (byte b : bytes) {
                if (b != ' ' && b != '\t' && b != '\r') {
                    return false;
                }
            }
            return true;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private int pos;
    private int end;

    LineReader(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** The next line without its newline, or null at the end of the stream. */
    Line next() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        boolean tooLong = false;
        boolean any = false;
        while (true) {
            if (pos == end) {
                end = in.read(buffer);
                pos = 0;
                if (end <= 0) {
                    end = 0;
                    return any ? new Line(tooLong ? new byte[0] : line.toByteArray(), tooLong) : null;
                }
            }
            any = true;
            int start = pos;
            while (pos < end && buffer[pos] != '\n') {
                pos++;
            }
            if (!tooLong) {
                if (line.size() + (pos - start) > maxLineBytes) {
                    tooLong = true;
                    line.reset();
                } else {
                    line.write(buffer, start, pos - start);
                }
            }
            if (pos < end) {
                pos++; // the newline
                return new Line(tooLong ? new byte[0] : line.toByteArray(), tooLong);
            }
        }
    }
}
