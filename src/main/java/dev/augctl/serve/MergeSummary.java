package dev.augctl.serve;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The statistics of a merged manifest ({@code manifest_final.csv}), read again only when the file
 * changed. A missing file gives {@code exists: false}; an unreadable one names its problem.
 */
public final class MergeSummary {
    /** The statistics shown on the page and sent with the {@code finished} notification. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Stats(@JsonProperty("exists") boolean exists, @JsonProperty("file") String file,
                        @JsonProperty("modified") String modified, @JsonProperty("combos") Long combos,
                        @JsonProperty("rows") Long rows, @JsonProperty("min_rows") Long minRows,
                        @JsonProperty("min_combo") String minCombo, @JsonProperty("max_rows") Long maxRows,
                        @JsonProperty("max_combo") String maxCombo, @JsonProperty("error") String error) {
    }

    private final Path file;
    private final String keyColumn;
    private final String rowsColumn;
    private Object stamp;
    private Stats cached;

    public MergeSummary(Path file, String keyColumn, String rowsColumn) {
        this.file = file;
        this.keyColumn = keyColumn;
        this.rowsColumn = rowsColumn;
    }

    /** The statistics of the file as it is now. */
    public synchronized Stats read() {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return new Stats(false, file.toString(), null, null, null, null, null, null, null, null);
        } catch (IOException e) {
            return failed(null, e.getMessage());
        }
        Object now = java.util.List.of(a.lastModifiedTime(), a.size());
        if (!now.equals(stamp)) {
            cached = scan(a.lastModifiedTime().toInstant().toString());
            stamp = now;
        }
        return cached;
    }

    private Stats scan(String modified) {
        long combos = 0;
        long rows = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        String minCombo = null;
        String maxCombo = null;
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true).get();
        try (Reader in = Files.newBufferedReader(file); CSVParser csv = CSVParser.parse(in, format)) {
            if (!csv.getHeaderMap().containsKey(keyColumn) || !csv.getHeaderMap().containsKey(rowsColumn)) {
                return failed(modified, "no column '" + keyColumn + "' or '" + rowsColumn + "' in the header");
            }
            for (CSVRecord r : csv) {
                long n = Long.parseLong(r.get(rowsColumn).trim());
                combos++;
                rows += n;
                if (n < min) {
                    min = n;
                    minCombo = r.get(keyColumn);
                }
                if (n > max) {
                    max = n;
                    maxCombo = r.get(keyColumn);
                }
            }
        } catch (IOException | RuntimeException e) {
            return failed(modified, "cannot read it: " + e.getMessage());
        }
        return new Stats(true, file.toString(), modified, combos, rows, combos > 0 ? min : null, minCombo,
                combos > 0 ? max : null, maxCombo, null);
    }

    private Stats failed(String modified, String error) {
        return new Stats(true, file.toString(), modified, null, null, null, null, null, null, error);
    }
}
