package dev.augctl.merge;

import dev.augctl.common.AtomicFiles;
import dev.augctl.common.AugctlException;
import dev.augctl.common.RunId;
import dev.augctl.common.ShardPaths;
import dev.augctl.common.Suggest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Validates the shard manifests and concatenates them, in shard order, into one manifest. Every
 * check runs before the merged file appears: on any error nothing is written and nothing deleted.
 * It refuses while a launcher runs on the output root, and manifests of different runs ({@link RunGuard}).
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
        try (RunGuard guard = RunGuard.enter(settings.outputRoot())) {
            ShardDiscovery.Found found = ShardDiscovery.discover(settings.outputRoot(), settings.outputName(),
                    settings.allowMissing());
            guard.checkAges(found.shards());
            Columns columns = checkHeaders(found.shards(), settings);
            MergePass pass = new MergePass(settings, columns, guard);
            boolean written = write(settings.target(), pass, found.shards());
            boolean deleted = written && !settings.keepShards() && deleteShards(found.shards(), settings.target());
            return new MergeReport(settings.target(), written, deleted, found.numShards(), found.missing(),
                    pass.stats().toStats(), pass.verification());
        }
    }

    /** Runs the pass into a temporary file renamed to {@code target}; false (nothing written) when verification failed. */
    private static boolean write(Path target, MergePass pass, List<ShardManifest> shards) {
        try {
            AtomicFiles.write(target, out -> {
                pass.run(shards, out);
                if (pass.verificationFailed()) {
                    throw new VerificationFailed(); // AtomicFiles removes the temporary file
                }
            });
            return true;
        } catch (VerificationFailed e) {
            return false;
        } catch (IOException e) {
            throw AugctlException.failed("cannot write " + target + ": " + e.getMessage(), e);
        }
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
        return new Columns(reference, key, rows, reference.indexOf(REJECTED_COLUMN), path,
                reference.indexOf(RunId.COLUMN));
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
    record Columns(List<String> header, int key, int rows, int rejected, int path, int runId) {
    }

    /** Thrown inside the atomic write to abandon the temporary file when verification fails. */
    private static final class VerificationFailed extends RuntimeException {
        VerificationFailed() {
            super(null, null, false, false);
        }
    }
}
