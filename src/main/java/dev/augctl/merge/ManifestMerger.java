package dev.augctl.merge;

import dev.augctl.common.AtomicFiles;
import dev.augctl.common.AugctlException;
import dev.augctl.common.ShardPaths;
import dev.augctl.common.Suggest;
import dev.augctl.merge.MergeReport.Verification;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates the shard manifests and concatenates them, in shard order, into one manifest. Every
 * check runs before the merged file appears: on any error nothing is written and nothing deleted.
 */
public final class ManifestMerger {
    /** The optional column whose totals the statistics report. */
    static final String REJECTED_COLUMN = "rejected";

    /**
     * Merges the shard manifests under {@code settings.outputRoot()}.
     *
     * @return the statistics; when verification found mismatches, a report with {@code written == false}
     * @throws AugctlException bad input (exit 2) for any invalid manifest, failed (exit 1) for I/O errors
     */
    public MergeReport merge(MergeSettings settings) {
        checkOutputName(settings);
        ShardDiscovery.Found found = ShardDiscovery.discover(settings.outputRoot(), settings.outputName(),
                settings.allowMissing());
        Columns columns = checkHeaders(found.shards(), settings);
        Path target = settings.target();
        Pass pass = new Pass(settings, columns);
        try {
            AtomicFiles.write(target, out -> {
                Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                pass.run(found.shards(), writer);
                writer.flush();
                if (pass.verification() != null && !pass.verification().failures().isEmpty()) {
                    throw new VerificationFailed(); // AtomicFiles removes the temporary file
                }
            });
        } catch (VerificationFailed e) {
            return report(settings, found, pass, false, false);
        } catch (IOException e) {
            throw AugctlException.failed("cannot write " + target + ": " + e.getMessage(), e);
        }
        boolean deleted = !settings.keepShards() && deleteShards(found.shards(), target);
        return report(settings, found, pass, true, deleted);
    }

    private static MergeReport report(MergeSettings settings, ShardDiscovery.Found found, Pass pass,
                                      boolean written, boolean deleted) {
        return new MergeReport(settings.target(), written, deleted, found.numShards(), found.missing(),
                pass.stats().toStats(), pass.verification());
    }

    private static void checkOutputName(MergeSettings settings) {
        String name = settings.outputName();
        if (name.isBlank() || name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw AugctlException.badInput("invalid output name '" + name + "': expected a file name such as"
                    + " manifest_final.csv, written under the output root");
        }
        if (name.startsWith(ShardDiscovery.PREFIX) || ShardPaths.parseManifestName(name) != null) {
            throw AugctlException.badInput("invalid output name '" + name + "': names starting with '"
                    + ShardDiscovery.PREFIX + "' are reserved for the shard manifests");
        }
    }

    /** The column positions every shard shares; checks that all headers equal the first shard's. */
    private static Columns checkHeaders(List<ShardManifest> shards, MergeSettings settings) {
        List<String> reference = null;
        ShardManifest first = null;
        for (ShardManifest shard : shards) {
            List<String> header;
            try (ManifestCsv csv = ManifestCsv.open(shard.path())) {
                header = csv.header();
            }
            if (reference == null) {
                reference = header;
                first = shard;
                continue;
            }
            String diff = HeaderDiff.describe(reference, header);
            if (diff != null) {
                throw AugctlException.badInput(shard.path() + ": header differs from " + first.fileName() + ": " + diff);
            }
        }
        int key = requireColumn(reference, settings.keyColumn(), first, "--key-column");
        int rows = requireColumn(reference, settings.rowsColumn(), first, "--rows-column");
        int path = settings.verify() ? requireColumn(reference, settings.pathColumn(), first, "--path-column") : -1;
        return new Columns(reference, key, rows, reference.indexOf(REJECTED_COLUMN), path);
    }

    private static int requireColumn(List<String> header, String column, ShardManifest shard, String option) {
        int index = header.indexOf(column);
        if (index < 0) {
            String nearest = Suggest.nearest(column, header);
            throw AugctlException.badInput(shard.path() + ": no column '" + column + "' in the header ("
                    + HeaderDiff.quoted(header) + ")" + (nearest != null ? "; did you mean '" + nearest + "'?" : "")
                    + " Set " + option + " or merge." + option.substring(2).replace('-', '_') + " in the config");
        }
        return index;
    }

    /** Deletes the shard manifests once the merged file is in place; a failure here is a failed run. */
    private static boolean deleteShards(List<ShardManifest> shards, Path target) {
        for (ShardManifest shard : shards) {
            try {
                Files.deleteIfExists(shard.path());
            } catch (IOException e) {
                throw AugctlException.failed("merged into " + target + ", but could not delete " + shard.path()
                        + ": " + e.getMessage(), e);
            }
        }
        return true;
    }

    /** Where the columns the merge reads sit in the (shared) header; -1 when absent. */
    record Columns(List<String> header, int key, int rows, int rejected, int path) {
    }

    /** Thrown inside the atomic write to abandon the temporary file when verification fails. */
    private static final class VerificationFailed extends RuntimeException {
        VerificationFailed() {
            super(null, null, false, false);
        }
    }

    /** One streaming pass over all shards: validate each row, count it, write it. */
    private static final class Pass {
        private final MergeSettings settings;
        private final Columns columns;
        private final MergeStats stats;
        private final DatasetVerifier verifier;
        /** Combo name to where it was first seen: shard position in the upper bits, line in the lower 40. */
        private final ComboIndex seen = new ComboIndex();
        private Verification verification;

        Pass(MergeSettings settings, Columns columns) {
            this.settings = settings;
            this.columns = columns;
            this.stats = new MergeStats(columns.rejected() >= 0);
            this.verifier = settings.verify() ? new DatasetVerifier(settings.outputRoot()) : null;
        }

        MergeStats stats() {
            return stats;
        }

        Verification verification() {
            return verification;
        }

        void run(List<ShardManifest> shards, Writer writer) throws IOException {
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
            if (verifier != null) {
                verification = verifier.result();
            }
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
            long rejected = columns.rejected() >= 0 ? count(shard, line, REJECTED_COLUMN, values[columns.rejected()]) : 0;
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

        private static AugctlException bad(ShardManifest shard, long line, String message) {
            return AugctlException.badInput(shard.path() + " line " + line + ": " + message);
        }
    }
}
