package dev.augctl.generate;

import dev.augctl.common.AugctlException;
import dev.augctl.generate.output.ColumnType;
import dev.augctl.history.InputFingerprint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The input CSV, read whole and validated (RFC 4180, optional BOM, quoted newlines): every role
 * column exists, every text and id is non-empty, ids are unique. Errors name the file, line and column.
 */
public final class InputTable {
    private final Path file;
    private final List<String> header;
    private final List<String[]> rows;
    private final int textIndex;
    private final int evidenceIndex;
    private final int idIndex;
    private final Columns columns;
    private List<ColumnType> types;
    /** The file as it was read: SHA-256 of its bytes, size and modification time (ms) when opened. */
    private String sha256;
    private long size;
    private long modified;

    private InputTable(Path file, List<String> header, List<String[]> rows, Columns columns) {
        this.file = file;
        this.header = List.copyOf(header);
        this.rows = rows;
        this.columns = columns;
        this.textIndex = header.indexOf(columns.text());
        this.evidenceIndex = header.indexOf(columns.evidence());
        this.idIndex = header.indexOf(columns.id());
    }

    /** A table already read and checked (by {@link InputTableFile}), with its column types. */
    static InputTable of(Path file, List<String> header, List<String[]> rows, Columns columns, List<ColumnType> types,
            String sha256, long size, long modified) {
        InputTable t = new InputTable(file, header, rows, columns);
        t.types = List.copyOf(types);
        t.sha256 = sha256;
        t.size = size;
        t.modified = modified;
        return t;
    }

    /** Reads and validates {@code file}; a bad file is an {@link AugctlException} with exit code 2. */
    public static InputTable read(Path file, Columns columns) {
        if (!Files.isRegularFile(file)) {
            throw AugctlException.badInput("input file not found: " + file
                    + (Files.isDirectory(file) ? " (it is a directory)" : ""));
        }
        if (!Files.isReadable(file)) {
            throw AugctlException.badInput("input file is not readable: " + file + " (check its permissions)");
        }
        long size = sizeOf(file);
        if (size == 0) {
            throw AugctlException.badInput("input " + file + " is empty (0 bytes): expected a CSV header row, then rows");
        }
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader().setSkipHeaderRecord(true)
                .setAllowDuplicateHeaderNames(false)
                .get();
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        // the bytes parsed are the bytes hashed: one read gives the rows and the checksum
        try (DigestInputStream hashed = InputFingerprint.hashing(Files.newInputStream(file));
             BufferedReader reader = new BufferedReader(new java.io.InputStreamReader(hashed, decoder), 1 << 16)) {
            long modified = Files.getLastModifiedTime(file).toMillis();
            reader.mark(1);
            if (reader.read() != '\uFEFF') {
                reader.reset();
            }
            InputTable table = parse(file, columns, CSVParser.builder().setReader(reader).setFormat(format).get());
            table.sha256 = InputFingerprint.hex(hashed);
            table.size = size;
            table.modified = modified;
            return table;
        } catch (CharacterCodingException e) {
            throw notUtf8(file, e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CharacterCodingException) {
                throw notUtf8(file, e); // met while iterating the records
            }
            throw AugctlException.badInput("cannot read input " + file + ": " + firstLine(e), e);
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw AugctlException.badInput("cannot read input " + file + ": " + firstLine(e), e);
        }
    }

    private static InputTable parse(Path file, Columns columns, CSVParser parser) {
        List<String> header = parser.getHeaderNames();
        for (String[] role : columns.required()) {
            if (!header.contains(role[1])) {
                throw AugctlException.badInput("input " + file + " has no column '" + role[1] + "' (" + role[0]
                        + "); available columns: " + String.join(", ", header));
            }
        }
        InputTable table = new InputTable(file, header, new ArrayList<>(), columns);
        Map<String, Long> idLines = new HashMap<>();
        long line = parser.getCurrentLineNumber() + 1;
        for (CSVRecord record : parser) {
            if (record.size() != header.size()) {
                throw AugctlException.badInput(file + " line " + line + ": " + record.size()
                        + " fields, but the header has " + header.size());
            }
            String[] values = record.values();
            requireNonBlank(file, line, columns.text(), values[table.textIndex]);
            String id = values[table.idIndex];
            requireNonBlank(file, line, columns.id(), id);
            Long previous = idLines.putIfAbsent(id, line);
            if (previous != null) {
                throw AugctlException.badInput(file + ": duplicate id '" + id + "' in column '" + columns.id()
                        + "' on lines " + previous + " and " + line);
            }
            table.rows.add(values);
            line = parser.getCurrentLineNumber() + 1;
        }
        return table;
    }

    private static AugctlException notUtf8(Path file, Exception e) {
        return AugctlException.badInput(file + ": not valid UTF-8" + Utf8Position.describe(file) + "; save it as UTF-8", e);
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw AugctlException.badInput("cannot read input " + file + ": " + e.getMessage(), e);
        }
    }

    private static void requireNonBlank(Path file, long line, String column, String value) {
        if (value.isBlank()) {
            throw AugctlException.badInput(file + " line " + line + ": empty value in column '" + column + "'");
        }
    }

    private static String firstLine(Exception e) {
        Throwable t = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String m = t.getMessage() == null ? t.toString() : t.getMessage();
        return m.lines().findFirst().orElse(m);
    }

    public Path file() {
        return file;
    }

    /** SHA-256 of the file's bytes as they were read (lower-case hex). */
    public String sha256() {
        return sha256;
    }

    /** The file's size in bytes and modification time (ms) when it was read. */
    long fileSize() {
        return size;
    }

    long fileModified() {
        return modified;
    }

    /** The column roles it was read with. */
    public Columns columns() {
        return columns;
    }

    public List<String> header() {
        return header;
    }

    public int size() {
        return rows.size();
    }

    public String[] row(int i) {
        return rows.get(i);
    }

    public int textIndex() {
        return textIndex;
    }

    public int evidenceIndex() {
        return evidenceIndex;
    }

    public int idIndex() {
        return idIndex;
    }

    public String text(int i) {
        return rows.get(i)[textIndex];
    }

    public String id(int i) {
        return rows.get(i)[idIndex];
    }

    /** Each column's type as pandas would read it ({@link ColumnType}); the text column is a string. */
    public List<ColumnType> columnTypes() {
        if (types == null) {
            ColumnType[] t = new ColumnType[header.size()];
            for (String[] r : rows) {
                for (int c = 0; c < t.length; c++) {
                    t[c] = ColumnType.widen(t[c], r[c]);
                }
            }
            List<ColumnType> out = new ArrayList<>(t.length);
            for (int c = 0; c < t.length; c++) {
                out.add(c == textIndex ? ColumnType.STRING : ColumnType.orString(t[c]));
            }
            types = List.copyOf(out);
        }
        return types;
    }

    /** The text column, in input order (the corpus some methods learn from). */
    public List<String> texts() {
        List<String> texts = new ArrayList<>(rows.size());
        for (String[] r : rows) {
            texts.add(r[textIndex]);
        }
        return texts;
    }
}
