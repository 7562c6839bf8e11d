package dev.augctl.merge;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of a merge: where it went, what was deleted, the statistics and, with verify, the
 * datasets that did not match their manifest rows.
 *
 * @param output        the merged manifest's path
 * @param written       whether it was written (false only when verification failed)
 * @param shardsDeleted whether the shard manifests were deleted
 * @param numShards     N, from the shard manifests' names
 * @param missingShards indices in 0..N-1 without a manifest (only with allow-missing)
 * @param stats         counts over all merged rows
 * @param verification  the dataset check, or null when not asked for
 */
public record MergeReport(Path output, boolean written, boolean shardsDeleted, int numShards,
                          List<Integer> missingShards, Stats stats, Verification verification) {

    /** True when verification was asked for and found a dataset that does not match. */
    public boolean verificationFailed() {
        return verification != null && !verification.failures().isEmpty();
    }

    /**
     * Counts over every merged row.
     *
     * @param rejectedColumn whether the manifests have a {@code rejected} column (else the rejected totals are null)
     */
    public record Stats(long totalCombos, long totalRows, boolean rejectedColumn, Long totalRejected,
                        Extreme min, Extreme max, List<ShardSummary> shards) {
        /** Mean rows per combo; 0 when there are no combos. */
        public double averageRows() {
            return totalCombos == 0 ? 0 : (double) totalRows / totalCombos;
        }
    }

    /** The smallest or largest rows value and the combos that have it (at most a few named; {@code count} in all). */
    public record Extreme(long rows, List<String> combos, long count) {
    }

    /** One shard's share of the merge. */
    public record ShardSummary(String file, int index, long combos, long rows, Long rejected) {
    }

    /** The result of checking every dataset named in the manifests. */
    public record Verification(long checked, List<VerifyFailure> failures) {
    }

    /**
     * A dataset that is missing, unreadable, or holds another number of rows than the manifest says.
     *
     * @param foundRows the rows the dataset holds, or null when they could not be counted
     * @param problem   why they could not be counted (null when {@code foundRows} is set)
     */
    public record VerifyFailure(String manifest, long line, String combo, String dataset, long expectedRows,
                                Long foundRows, String problem) {
        /** "manifest_shard1_of_7.csv line 3: combo 'x': dataset 'x/dataset.parquet': expected 10 rows, found 9". */
        public String describe() {
            return manifest + " line " + line + ": combo '" + combo + "': dataset '" + dataset + "': "
                    + (foundRows != null ? "expected " + expectedRows + " rows, found " + foundRows : problem);
        }
    }
}
