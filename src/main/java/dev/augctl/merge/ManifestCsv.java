package dev.augctl.merge;

import dev.augctl.common.AugctlException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reading one manifest as CSV (RFC 4180: quoted commas, quotes and newlines; CRLF or LF; an optional
 * UTF-8 byte-order mark; blank lines skipped), with the line number where each record starts.
 */
final class ManifestCsv implements AutoCloseable {
    static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();
    /** How the merged manifest is written: RFC 4180 with LF line ends, as the built-in worker writes its manifests. */
    static final CSVFormat OUTPUT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    private static final char BOM = '\uFEFF';
    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private long line;

    private ManifestCsv(Path file) throws IOException {
        this.file = file;
        this.parser = CSVParser.builder().setReader(openSkippingBom(file)).setFormat(FORMAT).get();
        this.records = parser.iterator();
        CSVRecord first = next();
        if (first == null) {
            parser.close();
            throw AugctlException.badInput(file + " has no header line (only blank lines or a byte-order mark)");
        }
        this.header = first.toList();
        checkHeaderNames();
    }

    /** Opens a manifest and reads its header; a zero-byte file or a malformed header is bad input. */
    static ManifestCsv open(Path file) {
        try {
            if (Files.size(file) == 0) {
                throw AugctlException.badInput(file + " is empty (0 bytes): a shard manifest has at least a header"
                        + " line; rerun its shard");
            }
            return new ManifestCsv(file);
        } catch (IOException e) {
            throw AugctlException.badInput("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    List<String> header() {
        return header;
    }

    Path file() {
        return file;
    }

    /** The next record, or null at the end of the file. */
    CSVRecord next() {
        long before = parser.getCurrentLineNumber();
        try {
            if (!records.hasNext()) {
                return null;
            }
            CSVRecord record = records.next();
            long after = parser.getCurrentLineNumber();
            // Fast path: one physical line, no blank line skipped before it.
            line = after - before == 1 ? after : after - lineBreaks(record);
            return record;
        } catch (UncheckedIOException e) {
            throw AugctlException.badInput(file + " near line " + (before + 1) + ": invalid CSV: "
                    + e.getCause().getMessage(), e);
        } catch (IllegalStateException e) {
            throw AugctlException.badInput(file + " near line " + (before + 1) + ": invalid CSV: " + e.getMessage(), e);
        }
    }

    /** The line on which the record last returned by {@link #next()} starts (1-based). */
    long line() {
        return line;
    }

    @Override
    public void close() {
        try {
            parser.close();
        } catch (IOException e) {
            // read-only file: nothing to lose
        }
    }

    private void checkHeaderNames() {
        Set<String> seen = new HashSet<>();
        for (String name : header) {
            if (!seen.add(name)) {
                close();
                throw AugctlException.badInput(file + " line " + line + ": header names column '" + name + "' twice");
            }
        }
    }

    /** Line breaks inside a record's values (CRLF, LF or CR each count once), as the parser counts them. */
    private static long lineBreaks(CSVRecord record) {
        long n = 0;
        for (String v : record.values()) {
            for (int i = 0; i < v.length(); i++) {
                char c = v.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == v.length() || v.charAt(i + 1) != '\n'))) {
                    n++;
                }
            }
        }
        return n;
    }

    private static Reader openSkippingBom(Path file) throws IOException {
        BufferedReader reader = new BufferedReader(
                new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8), BUFFER);
        reader.mark(1);
        if (reader.read() != BOM) {
            reader.reset();
        }
        return reader;
    }
}
