package dev.augctl.merge;

import java.io.IOException;
import java.io.Writer;

/**
 * Writes CSV records (RFC 4180 quoting, LF line ends) through its own buffer, so that a record costs
 * a few array copies rather than a locked call per value. A value is quoted only when it holds a
 * comma, a double quote, CR or LF (or when it alone makes up a record and is empty, which would
 * otherwise read as a blank line); quotes inside are doubled.
 */
final class CsvOut {
    private final Writer out;
    private final char[] buf = new char[1 << 16];
    private int pos;

    CsvOut(Writer out) {
        this.out = out;
    }

    void record(String[] values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                put(',');
            }
            String v = values[i];
            if (needsQuotes(v) || (values.length == 1 && v.isEmpty())) {
                quoted(v);
            } else {
                put(v, 0, v.length());
            }
        }
        put('\n');
    }

    /** Writes out what is buffered (the caller flushes and closes the underlying writer). */
    void flush() throws IOException {
        out.write(buf, 0, pos);
        pos = 0;
    }

    private static boolean needsQuotes(String v) {
        for (int i = 0, n = v.length(); i < n; i++) {
            char c = v.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return true;
            }
        }
        return false;
    }

    private void quoted(String v) throws IOException {
        put('"');
        int from = 0;
        for (int i = v.indexOf('"'); i >= 0; i = v.indexOf('"', i + 1)) {
            put(v, from, i + 1);
            put('"');
            from = i + 1;
        }
        put(v, from, v.length());
        put('"');
    }

    private void put(char c) throws IOException {
        if (pos == buf.length) {
            flush();
        }
        buf[pos++] = c;
    }

    /** Appends {@code v[from, to)}. */
    private void put(String v, int from, int to) throws IOException {
        while (from < to) {
            if (pos == buf.length) {
                flush();
            }
            int n = Math.min(to - from, buf.length - pos);
            v.getChars(from, from + n, buf, pos);
            pos += n;
            from += n;
        }
    }
}
