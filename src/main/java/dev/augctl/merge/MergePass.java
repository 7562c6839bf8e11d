package dev.augctl.merge;

import dev.augctl.common.AugctlException;
import dev.augctl.merge.ManifestMerger.Columns;
import dev.augctl.merge.MergeReport.Verification;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;

/**
 * One streaming pass over all shards that validates each row, counts it and writes it to the merged
 * manifest's temporary file. Subclasses differ only in how they read and write the CSV.
 */
abstract class MergePass {
    protected final MergeSettings settings;
    protected final Columns columns;
    protected final MergeStats stats;
    protected final DatasetVerifier verifier;
    private Verification verification;

    MergePass(MergeSettings settings, Columns columns) {
        this.settings = settings;
        this.columns = columns;
        this.stats = new MergeStats(columns.rejected() >= 0);
        this.verifier = settings.verify() ? new DatasetVerifier(settings.outputRoot()) : null;
    }

    /** Writes the header and every shard's rows to {@code out} (at its position); throws on the first invalid row. */
    abstract void run(List<ShardManifest> shards, FileChannel out) throws IOException;

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

    protected void endVerification() {
        if (verifier != null) {
            verification = verifier.result();
        }
    }

    protected static AugctlException bad(ShardManifest shard, long line, String message) {
        return AugctlException.badInput(shard.path() + " line " + line + ": " + message);
    }
}
