package dev.augctl.merge;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads a manifest's CSV records straight from its bytes, and copies every record it is not told to
 * skip to an output in the merged manifest's form. It reads exactly what {@link ManifestCsv} reads
 * (RFC 4180; a leading UTF-8 byte-order mark dropped; blank lines skipped; CR, LF or CRLF), gives
 * each record's fields as slices of its buffer and the physical line it starts on, and never makes
 * a string. A record already in the output form (LF-terminated, quoted only where needed) is copied
 * as raw bytes, runs of them in one write; any other record is re-encoded from its values.
 *
 * <p>Without an output it only reads, and tells whether everything after the header is already in
 * the output form byte for byte ({@link #dataInOutputForm()}), so that the caller can copy that part
 * of the file as it is.
 *
 * <p>Anything else (a CSV error, bytes that are not UTF-8, a character between a closing quote and
 * the next comma) throws {@link Unusual}: the caller then leaves the file to Commons CSV, whose
 * reading (and error message) is the reference.
 */
final class ManifestScanner {
    /** The input holds something this scanner leaves to Commons CSV. */
    static final class Unusual extends RuntimeException {
        Unusual(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final int MORE = -1;
    private static final byte QUOTE = '"';
    private static final byte COMMA = ',';
    private static final byte CR = '\r';
    private static final byte LF = '\n';
    /** Bytes that end a run of plain value bytes: comma, quote, CR, LF, and every non-ASCII byte. */
    private static final boolean[] SPECIAL = new boolean[256];

    static {
        for (int c : new int[] {COMMA, QUOTE, CR, LF}) {
            SPECIAL[c] = true;
        }
        for (int c = 0x80; c < 256; c++) {
            SPECIAL[c] = true;
        }
    }

    private final FileChannel in;
    private final OutputStream out;
    /** The input read so far from file offset {@link #base}; {@code buf[limit]} is always LF, a sentinel. */
    private byte[] buf;
    private int limit;
    private long base;
    private boolean eof;
    /** Where the next record's scan starts (possibly at blank lines), and its physical line. */
    private int pos;
    private long line = 1;

    /** The current record: [recordStart, recordEnd), its fields' values [fieldStart, fieldEnd). */
    private int recordStart;
    private int recordEnd;
    private long recordLine;
    private boolean rawForm;
    private int fields;
    private int[] fieldStart = new int[16];
    private int[] fieldEnd = new int[16];
    private boolean[] doubledQuotes = new boolean[16];
    /** The current record still has to go to the output (or be skipped) before the next is read. */
    private boolean pending;
    private boolean skip;
    /** Every record after the first is in output form, with no blank line before it. */
    private boolean outputForm = true;
    private long dataOffset = -1;

    /** Raw bytes [runFrom, runTo) of records in output form, not yet written. */
    private int runFrom;
    private int runTo;
    private byte[] encoded = new byte[256];

    /** Scan state while a record is parsed; kept only when the whole record is in the buffer. */
    private long scanLine;
    private boolean scanRaw;
    private boolean scanBlank;

    /**
     * Reads {@code in} from its start (with positioned reads: the channel's position is not used);
     * records go to {@code out}, none when null. The caller closes both.
     *
     * @param bufferSize initial buffer size; it grows for records larger than it
     */
    ManifestScanner(FileChannel in, OutputStream out, int bufferSize) throws IOException {
        this.in = in;
        this.out = out;
        this.buf = new byte[Math.max(bufferSize, 16) + 1];
        buf[0] = LF;
        while (limit < 3 && !eof) { // the byte-order mark test needs the first three bytes
            eof = !fill();
        }
        if (limit >= 3 && (buf[0] & 0xFF) == 0xEF && (buf[1] & 0xFF) == 0xBB && (buf[2] & 0xFF) == 0xBF) {
            pos = 3;
            runFrom = runTo = 3;
        }
    }

    /** Moves to the next record; false at the end of the file. The previous record goes out first. */
    boolean next() throws IOException {
        if (pending) {
            commit();
        }
        if (dataOffset >= 0 && plainRecord()) {
            return true;
        }
        while (true) {
            int end = parseRecord();
            if (end >= 0) {
                pending = true;
                skip = false;
                recordEnd = end;
                if (dataOffset < 0) {
                    dataOffset = base + end; // the first record is the header
                } else if (!rawForm || scanBlank) {
                    outputForm = false;
                }
                return true;
            }
            if (end == MORE) {
                if (!fill()) {
                    eof = true;
                }
                continue;
            }
            if (scanBlank) {
                outputForm = false; // blank lines after the last record
            }
            return false; // END
        }
    }

    /**
     * The common case, kept small so that it is compiled early and cheaply: a record of unquoted ASCII
     * values ending in LF, wholly in the buffer. False (nothing consumed) for anything else, which
     * {@link #parseRecord()} then reads.
     */
    private boolean plainRecord() {
        byte[] b = buf;
        int[] starts = fieldStart;
        int[] ends = fieldEnd;
        int p = pos;
        int from = p;
        int n = 0;
        if (b[p] == LF) {
            return false; // a blank line, or the sentinel
        }
        while (true) {
            byte c;
            while (!SPECIAL[(c = b[p]) & 0xFF]) {
                p++;
            }
            if (c != COMMA && (c != LF || p == limit) || n == starts.length) {
                return false; // a quote, CR, non-ASCII byte, the end of the buffer, or many fields
            }
            starts[n] = from;
            ends[n++] = p++;
            from = p;
            if (c == LF) {
                break;
            }
        }
        fields = n;
        recordStart = pos;
        recordEnd = p;
        recordLine = line++;
        rawForm = true;
        pending = true;
        skip = false;
        pos = p;
        return true;
    }

    /** Leaves the current record out of the output (a shard's header). */
    void skip() {
        skip = true;
    }

    /** Writes what is still pending; call once at the end of the file. */
    void finish() throws IOException {
        commit();
        flushRun();
    }

    int fields() {
        return fields;
    }

    /**
     * After the last record: true when the bytes from {@link #dataOffset()} to the end of the file are
     * exactly what the output holds for the records after the first (all LF-terminated, quoted only
     * where needed, no blank lines).
     */
    boolean dataInOutputForm() {
        return outputForm;
    }

    /** The file offset just after the first record (the header), or -1 before it is read. */
    long dataOffset() {
        return dataOffset;
    }

    /** The physical line (1-based) on which the current record starts. */
    long line() {
        return recordLine;
    }

    byte[] buffer() {
        return buf;
    }

    /** Field {@code f}'s value is {@code buffer()[start(f), end(f))}, quotes removed and undoubled. */
    int start(int f) {
        return fieldStart[f];
    }

    int end(int f) {
        return fieldEnd[f];
    }

    String value(int f) {
        return new String(buf, fieldStart[f], fieldEnd[f] - fieldStart[f], StandardCharsets.UTF_8);
    }

    /** The file offset where reading stopped: the end of the file once {@link #next()} returned false. */
    long endOffset() {
        return base + limit;
    }

    /** Parses the record at {@link #pos}: the position after it, MORE when the buffer ends first, or END (-2). */
    private int parseRecord() {
        byte[] b = buf;
        int p = pos;
        scanLine = line;
        scanBlank = false;
        while (true) { // blank lines
            if (p == limit) {
                return eof ? -2 : MORE;
            }
            if (b[p] == LF) {
                scanLine++;
                scanBlank = true;
                p++;
            } else if (b[p] == CR) {
                if (p + 1 == limit && !eof) {
                    return MORE;
                }
                scanLine++;
                scanBlank = true;
                p += p + 1 < limit && b[p + 1] == LF ? 2 : 1;
            } else {
                break;
            }
        }
        int start = p;
        long startLine = scanLine;
        scanRaw = true;
        int n = 0;
        while (true) {
            if (n == fieldStart.length) {
                growFields();
            }
            int end = p < limit && b[p] == QUOTE ? quoted(b, p, n) : unquoted(b, p, n);
            if (end == MORE) {
                return MORE;
            }
            n++;
            if (end == limit) { // the last record, without a line break
                scanRaw = false;
                p = end;
                break;
            }
            byte c = b[end];
            if (c == COMMA) {
                p = end + 1;
                continue;
            }
            scanLine++;
            if (c == LF) {
                p = end + 1;
            } else { // CR, maybe CRLF
                if (end + 1 == limit && !eof) {
                    return MORE;
                }
                scanRaw = false;
                p = end + 1 < limit && b[end + 1] == LF ? end + 2 : end + 1;
            }
            break;
        }
        fields = n;
        recordStart = start;
        rawForm = scanRaw;
        recordLine = startLine;
        pos = p;
        line = scanLine;
        for (int f = 0; f < n; f++) {
            if (doubledQuotes[f]) {
                undouble(f);
            }
        }
        return p;
    }

    /** An unquoted value from {@code p}: its end (a comma, CR, LF or the end of the file), or MORE. */
    private int unquoted(byte[] b, int p, int n) {
        int q = p;
        while (true) {
            while (!SPECIAL[b[q] & 0xFF]) { // stops at the sentinel at the latest
                q++;
            }
            if (q == limit) {
                if (!eof) {
                    return MORE;
                }
                break;
            }
            byte c = b[q];
            if (c == COMMA || c == LF || c == CR) {
                break;
            }
            if (c == QUOTE) {
                scanRaw = false; // a quote inside a value: the output quotes the value
                q++;
            } else {
                int len = utf8(b, q);
                if (len == MORE) {
                    return MORE;
                }
                q += len;
            }
        }
        fieldStart[n] = p;
        fieldEnd[n] = q;
        doubledQuotes[n] = false;
        return q;
    }

    /** A quoted value whose opening quote is at {@code p}: the position after its closing quote, or MORE. */
    private int quoted(byte[] b, int p, int n) {
        int q = p + 1;
        int lim = limit;
        boolean special = false;
        boolean doubled = false;
        while (true) {
            while (!SPECIAL[b[q] & 0xFF]) {
                q++;
            }
            if (q == lim) {
                if (eof) {
                    throw new Unusual("end of file inside a quoted value");
                }
                return MORE;
            }
            byte c = b[q];
            if (c == QUOTE) {
                if (q + 1 == lim && !eof) {
                    return MORE;
                }
                if (q + 1 < lim && b[q + 1] == QUOTE) {
                    doubled = true;
                    q += 2;
                    continue;
                }
                break;
            }
            if (c == LF) {
                special = true;
                if (b[q - 1] != CR) {
                    scanLine++;
                }
            } else if (c == CR) {
                special = true;
                scanLine++;
            } else if (c == COMMA) {
                special = true;
            } else {
                int len = utf8(b, q);
                if (len == MORE) {
                    return MORE;
                }
                q += len;
                continue;
            }
            q++;
        }
        int after = q + 1;
        if (after == lim && !eof) {
            return MORE;
        }
        if (after < lim && b[after] != COMMA && b[after] != LF && b[after] != CR) {
            throw new Unusual("a character after a closing quote");
        }
        if (doubled || !special) {
            scanRaw = false; // undoubled in place below, or quoted where the output does not quote
        }
        fieldStart[n] = p + 1;
        fieldEnd[n] = q;
        doubledQuotes[n] = doubled;
        return after;
    }

    /** Length of the valid UTF-8 sequence starting at {@code b[i]} (>= 0x80), or MORE; Unusual if malformed. */
    private int utf8(byte[] b, int i) {
        int c = b[i] & 0xFF;
        int n;
        int lo = 0x80;
        int hi = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            n = 2;
        } else if (c >= 0xE0 && c <= 0xEF) {
            n = 3;
            lo = c == 0xE0 ? 0xA0 : 0x80;
            hi = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            n = 4;
            lo = c == 0xF0 ? 0x90 : 0x80;
            hi = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            throw new Unusual("bytes that are not UTF-8");
        }
        for (int k = 1; k < n; k++) {
            if (i + k >= limit) {
                if (eof) {
                    throw new Unusual("bytes that are not UTF-8");
                }
                return MORE;
            }
            int d = b[i + k] & 0xFF;
            if (d < (k == 1 ? lo : 0x80) || d > (k == 1 ? hi : 0xBF)) {
                throw new Unusual("bytes that are not UTF-8");
            }
        }
        return n;
    }

    /** Turns each doubled quote of field {@code f} into one, in place (the record is re-encoded anyway). */
    private void undouble(int f) {
        int w = fieldStart[f];
        for (int r = fieldStart[f], end = fieldEnd[f]; r < end; r++) {
            buf[w++] = buf[r];
            if (buf[r] == QUOTE) {
                r++;
            }
        }
        fieldEnd[f] = w;
    }

    private void growFields() {
        int n = fieldStart.length * 2;
        fieldStart = Arrays.copyOf(fieldStart, n);
        fieldEnd = Arrays.copyOf(fieldEnd, n);
        doubledQuotes = Arrays.copyOf(doubledQuotes, n);
    }

    /** Sends the current record to the output: into the run of raw bytes, re-encoded, or not at all. */
    private void commit() throws IOException {
        if (!pending) {
            return;
        }
        pending = false;
        if (out == null || skip || !rawForm) {
            flushRun();
            if (out != null && !skip) {
                writeEncoded();
            }
            runFrom = runTo = recordEnd;
        } else {
            if (recordStart != runTo) {
                flushRun();
                runFrom = recordStart;
            }
            runTo = recordEnd;
        }
    }

    private void flushRun() throws IOException {
        if (out != null && runTo > runFrom) {
            out.write(buf, runFrom, runTo - runFrom);
        }
        runFrom = runTo;
    }

    /**
     * Writes the current record as the merged manifest holds it: values quoted only when they hold a
     * comma, quote, CR or LF (or when one empty value is the whole record), quotes doubled, LF at the end.
     */
    private void writeEncoded() throws IOException {
        int n = 0;
        for (int f = 0; f < fields; f++) {
            int s = fieldStart[f];
            int e = fieldEnd[f];
            int room = 2 * (e - s) + 4;
            if (n + room > encoded.length) {
                encoded = Arrays.copyOf(encoded, Math.max(encoded.length * 2, n + room));
            }
            if (f > 0) {
                encoded[n++] = COMMA;
            }
            if ((fields == 1 && s == e) || needsQuotes(s, e)) {
                encoded[n++] = QUOTE;
                for (int i = s; i < e; i++) {
                    encoded[n++] = buf[i];
                    if (buf[i] == QUOTE) {
                        encoded[n++] = QUOTE;
                    }
                }
                encoded[n++] = QUOTE;
            } else {
                System.arraycopy(buf, s, encoded, n, e - s);
                n += e - s;
            }
        }
        if (n == encoded.length) {
            encoded = Arrays.copyOf(encoded, n + 1);
        }
        encoded[n++] = LF;
        out.write(encoded, 0, n);
    }

    private boolean needsQuotes(int s, int e) {
        for (int i = s; i < e; i++) {
            byte c = buf[i];
            if (c == COMMA || c == QUOTE || c == CR || c == LF) {
                return true;
            }
        }
        return false;
    }

    /**
     * Reads more input after the unfinished record at {@link #pos}: the raw bytes before it are written
     * out, the record moves to the start of the buffer (which doubles when the record fills it).
     * Returns false at the end of the file.
     */
    private boolean fill() throws IOException {
        if (pos > 0) {
            flushRun();
            System.arraycopy(buf, pos, buf, 0, limit - pos);
            base += pos;
            limit -= pos;
            pos = 0;
            runFrom = runTo = 0;
        } else if (limit == buf.length - 1) {
            buf = Arrays.copyOf(buf, 2 * buf.length - 1);
        }
        int n;
        try {
            n = in.read(ByteBuffer.wrap(buf, limit, buf.length - 1 - limit), base + limit);
        } catch (IOException e) {
            throw new Unusual("cannot read: " + e.getMessage()); // the reference reading reports it
        }
        if (n > 0) {
            limit += n;
        }
        buf[limit] = LF;
        return n >= 0;
    }
}
