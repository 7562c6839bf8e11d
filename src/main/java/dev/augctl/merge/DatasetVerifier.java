package dev.augctl.merge;

import dev.augctl.merge.MergeReport.Verification;
import dev.augctl.merge.MergeReport.VerifyFailure;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVParser;

/**
 * Checks that each combo's dataset exists and holds the rows its manifest row declares: Parquet from
 * the footer, JSON Lines by counting non-blank lines, CSV by counting records after the header. Other
 * files and folders are checked for existence only.
 */
final class DatasetVerifier {
    private final Path root;
    private final List<VerifyFailure> failures = new ArrayList<>();
    private long checked;

    /** One manifest row to check. */
    record DatasetRef(String manifest, long line, String combo, String dataset, long rows) {
    }

    DatasetVerifier(Path root) {
        this.root = root;
    }

    void check(DatasetRef ref) {
        checked++;
        Object found = found(ref);
        if (found instanceof Long rows && rows != ref.rows()) {
            failures.add(new VerifyFailure(ref.manifest(), ref.line(), ref.combo(), ref.dataset(), ref.rows(), rows, null));
        } else if (found instanceof String problem) {
            failures.add(new VerifyFailure(ref.manifest(), ref.line(), ref.combo(), ref.dataset(), ref.rows(), null,
                    problem));
        }
    }

    Verification result() {
        return new Verification(checked, List.copyOf(failures));
    }

    /** The dataset's row count (Long), a problem (String), or null when only existence can be checked. */
    private Object found(DatasetRef ref) {
        if (ref.dataset().isEmpty()) {
            return "empty dataset path";
        }
        Path file;
        try {
            file = root.resolve(ref.dataset());
        } catch (InvalidPathException e) {
            return "invalid path (" + e.getReason() + ")";
        }
        if (!Files.exists(file)) {
            return "no such file: " + file;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        long rows;
        try {
            if (name.endsWith(".parquet")) {
                rows = ParquetFooter.rowCount(file);
            } else if (name.endsWith(".jsonl")) {
                rows = countJsonLines(file);
            } else if (name.endsWith(".csv")) {
                rows = countCsvRecords(file);
            } else {
                return null; // a format without a row count we know how to read: existence is all we check
            }
        } catch (IOException | RuntimeException e) {
            return "cannot read " + file + ": " + e.getMessage();
        }
        return rows;
    }

    /** Lines holding anything but whitespace. */
    static long countJsonLines(Path file) throws IOException {
        long lines = 0;
        boolean content = false;
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                for (int i = 0; i < n; i++) {
                    byte b = buf[i];
                    if (b == '\n') {
                        if (content) {
                            lines++;
                        }
                        content = false;
                    } else if (b != ' ' && b != '\t' && b != '\r') {
                        content = true;
                    }
                }
            }
        }
        return content ? lines + 1 : lines;
    }

    /** Records after the header line (blank lines skipped, quoted newlines understood). */
    static long countCsvRecords(Path file) throws IOException {
        try (CSVParser parser = CSVParser.builder().setPath(file).setCharset(StandardCharsets.UTF_8)
                .setFormat(ManifestCsv.FORMAT).get()) {
            long records = 0;
            for (var ignored : parser) {
                records++;
            }
            return Math.max(0, records - 1);
        }
    }
}
