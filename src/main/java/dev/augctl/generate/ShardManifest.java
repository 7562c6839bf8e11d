package dev.augctl.generate;

import dev.augctl.common.AtomicFiles;
import dev.augctl.common.RunId;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The shard's manifest ({@code manifest_shard{I}_of_{N}.csv}): one row per finished combo, in plan
 * order, rewritten atomically after each combo so that a reader never sees half of it. Each row
 * carries the run id the launcher gave the shard ({@link RunId}; empty when run by hand), which
 * merge uses to refuse manifests of different runs.
 */
public final class ShardManifest {
    public static final List<String> HEADER =
            List.of("combo", "methods", "rows", "rejected", "path", "shard_index", "num_shards", "seconds", RunId.COLUMN);

    /** One combo's row; {@code path} is relative to the output root, with {@code /}. */
    public record Entry(String combo, String methods, long rows, long rejected, String path, double seconds) {
    }

    private final Path file;
    private final int shardIndex;
    private final int numShards;
    private final String runId;
    private final List<Entry> entries = new ArrayList<>();

    /** @param runId the run's id ({@link RunId#current()}), or "" */
    public ShardManifest(Path file, int shardIndex, int numShards, String runId) {
        this.file = file;
        this.shardIndex = shardIndex;
        this.numShards = numShards;
        this.runId = runId;
    }

    /** Adds a combo's row and rewrites the file. */
    public void add(Entry entry) throws IOException {
        entries.add(entry);
        write();
    }

    /** Writes the file with the rows so far (just the header when there are none). */
    public void write() throws IOException {
        AtomicFiles.write(file, out -> {
            CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8),
                    CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
            csv.printRecord(HEADER);
            for (Entry e : entries) {
                csv.printRecord(e.combo(), e.methods(), e.rows(), e.rejected(), e.path(), shardIndex, numShards,
                        String.format(Locale.ROOT, "%.3f", e.seconds()), runId);
            }
            csv.flush();
        });
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }
}
