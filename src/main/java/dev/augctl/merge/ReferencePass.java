package dev.augctl.merge;

import dev.augctl.common.AugctlException;
import dev.augctl.merge.ManifestMerger.Columns;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The merge pass over Apache Commons CSV: every record parsed into strings (on a background thread),
 * validated, and written again. It defines what a merge accepts and every error message; {@link
 * FastPass} hands its input over to it whenever it meets anything but a valid manifest.
 */
final class ReferencePass extends MergePass {
    /** Combo name to where it was first seen: shard position in the upper bits, line in the lower 40. */
    private final ComboIndex seen = new ComboIndex();

    ReferencePass(MergeSettings settings, Columns columns) {
        super(settings, columns);
    }

    @Override
    void run(List<ShardManifest> shards, FileChannel channel) throws IOException {
        Writer writer = new OutputStreamWriter(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16),
                StandardCharsets.UTF_8);
        CsvOut out = new CsvOut(writer);
        out.record(columns.header().toArray(new String[0]));
        try (ShardReader reader = new ShardReader(shards)) {
            int done = 0;
            while (done < shards.size()) {
                ShardReader.Batch batch = reader.next();
                if (batch.error() != null) {
                    throw batch.error();
                }
                ShardManifest shard = shards.get(batch.shard());
                for (int i = 0; i < batch.size(); i++) {
                    copyRow(shard, batch.shard(), batch.values()[i], batch.lines()[i], shards, out);
                }
                if (batch.endOfShard()) {
                    stats.endShard(shard);
                    done++;
                }
            }
        }
        out.flush();
        writer.flush();
        endVerification();
    }

    private void copyRow(ShardManifest shard, int pos, String[] values, long line, List<ShardManifest> shards,
                         CsvOut out) throws IOException {
        int width = columns.header().size();
        if (values.length != width) {
            throw bad(shard, line, "expected " + width + " fields as in the header, found " + values.length
                    + " (a comma inside a value needs double quotes)");
        }
        String combo = values[columns.key()];
        if (combo.isEmpty()) {
            throw bad(shard, line, "empty value in column '" + settings.keyColumn() + "'");
        }
        long rows = count(shard, line, settings.rowsColumn(), values[columns.rows()]);
        long rejected = columns.rejected() >= 0
                ? count(shard, line, ManifestMerger.REJECTED_COLUMN, values[columns.rejected()]) : 0;
        long previous = seen.putIfAbsent(combo, ((long) pos << 40) | line);
        if (previous != ComboIndex.ABSENT) {
            ShardManifest other = shards.get((int) (previous >>> 40));
            throw AugctlException.badInput("combo '" + combo + "' appears twice: " + other.path() + " line "
                    + (previous & ((1L << 40) - 1)) + " and " + shard.path() + " line " + line);
        }
        stats.add(combo, rows, rejected);
        if (verifier != null) {
            verifier.check(new DatasetVerifier.DatasetRef(shard.fileName(), line, combo, values[columns.path()], rows));
        }
        out.record(values);
    }

    private static long count(ShardManifest shard, long line, String column, String value) {
        long n = Counts.parse(value);
        if (n == Counts.NEGATIVE) {
            throw bad(shard, line, "column '" + column + "' has negative value '" + value + "'");
        }
        if (n == Counts.NOT_A_NUMBER) {
            throw bad(shard, line, "column '" + column + "' has value '" + value
                    + "', expected a non-negative integer");
        }
        return n;
    }
}
