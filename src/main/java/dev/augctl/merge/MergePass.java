package dev.augctl.merge;

import dev.augctl.common.AugctlException;
import dev.augctl.merge.ManifestMerger.Columns;
import dev.augctl.merge.MergeReport.Verification;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVRecord;

/**
 * One streaming pass over all shards, in shard order, with Apache Commons CSV: each record is
 * validated, counted and written to the merged manifest's temporary file. It defines what a merge
 * accepts and every error message about a row.
 */
final class MergePass {
    private final MergeSettings settings;
    private final Columns columns;
    private final MergeStats stats;
    private final DatasetVerifier verifier;
    private final RunGuard guard;
    /** Combo name to where it was first seen: shard position in the upper bits, line in the lower 40. */
    private final ComboIndex seen = new ComboIndex();
    private Verification verification;

    MergePass(MergeSettings settings, Columns columns, RunGuard guard) {
        this.settings = settings;
        this.guard = guard;
        this.columns = columns;
        this.stats = new MergeStats(columns.rejected() >= 0);
        this.verifier = settings.verify() ? new DatasetVerifier(settings.outputRoot()) : null;
    }

    /** Writes the header and every shard's rows to {@code out}; throws on the first invalid row. */
    void run(List<ShardManifest> shards, OutputStream out) throws IOException {
        // CSVFormat prints a record straight to the writer; CSVPrinter would wrap each one in a stream.
        Writer printer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        ManifestCsv.OUTPUT.printRecord(printer, columns.header().toArray());
        for (int pos = 0; pos < shards.size(); pos++) {
            ShardManifest shard = shards.get(pos);
            try (ManifestCsv csv = ManifestCsv.open(shard.path())) {
                for (CSVRecord record = csv.next(); record != null; record = csv.next()) {
                    copyRow(shards, pos, record, csv.line(), printer);
                }
            }
            stats.endShard(shard);
        }
        guard.checkRunIds();
        printer.flush();
        if (verifier != null) {
            verification = verifier.result();
        }
    }

    MergeStats stats() {
        return stats;
    }

    /** The verification's result, or null without {@code --verify}; set when {@link #run} is done. */
    Verification verification() {
        return verification;
    }

    boolean verificationFailed() {
        return verification != null && !verification.failures().isEmpty();
    }

    private void copyRow(List<ShardManifest> shards, int pos, CSVRecord record, long line, Writer out)
            throws IOException {
        ShardManifest shard = shards.get(pos);
        int width = columns.header().size();
        if (record.size() != width) {
            throw bad(shard, line, "expected " + width + " fields as in the header, found " + record.size()
                    + " (a comma inside a value needs double quotes)");
        }
        String combo = record.get(columns.key());
        if (combo.isEmpty()) {
            throw bad(shard, line, "empty value in column '" + settings.keyColumn() + "'");
        }
        long rows = count(shard, line, settings.rowsColumn(), record.get(columns.rows()));
        long rejected = columns.rejected() >= 0
                ? count(shard, line, ManifestMerger.REJECTED_COLUMN, record.get(columns.rejected())) : 0;
        long previous = seen.putIfAbsent(combo, ((long) pos << 40) | line);
        if (previous != ComboIndex.ABSENT) {
            throw AugctlException.badInput("combo '" + combo + "' appears twice: " + shards.get((int) (previous >>> 40)).path()
                    + " line " + (previous & ((1L << 40) - 1)) + " and " + shard.path() + " line " + line);
        }
        if (columns.runId() >= 0) {
            guard.runId(shard, record.get(columns.runId()));
        }
        stats.add(combo, rows, rejected);
        if (verifier != null) {
            verifier.check(new DatasetVerifier.DatasetRef(shard.fileName(), line, combo, record.get(columns.path()), rows));
        }
        ManifestCsv.OUTPUT.printRecord(out, (Object[]) record.values());
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

    private static AugctlException bad(ShardManifest shard, long line, String message) {
        return AugctlException.badInput(shard.path() + " line " + line + ": " + message);
    }
}
