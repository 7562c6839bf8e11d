package dev.augctl.merge;

import java.nio.file.Path;
import java.util.Objects;

/**
 * What {@code augctl merge} is asked to do, with every default already resolved.
 *
 * @param outputRoot   the folder holding {@code manifest_shard*_of_*.csv} and the datasets
 * @param outputName   the merged manifest's file name, written under {@code outputRoot}
 * @param keyColumn    the column naming a combo; unique across all shards
 * @param rowsColumn   the column counting a combo's rows; a non-negative integer
 * @param pathColumn   the column locating a combo's dataset (used by {@code verify})
 * @param keepShards   keep the shard manifests after a successful merge
 * @param allowMissing merge even when some shard indices 0..N-1 have no manifest
 * @param verify       check every dataset exists and holds the manifest's row count before writing
 */
public record MergeSettings(Path outputRoot, String outputName, String keyColumn, String rowsColumn,
                            String pathColumn, boolean keepShards, boolean allowMissing, boolean verify) {
    public MergeSettings {
        Objects.requireNonNull(outputRoot, "outputRoot");
        Objects.requireNonNull(outputName, "outputName");
        Objects.requireNonNull(keyColumn, "keyColumn");
        Objects.requireNonNull(rowsColumn, "rowsColumn");
        Objects.requireNonNull(pathColumn, "pathColumn");
    }

    /** The merged manifest's path. */
    public Path target() {
        return outputRoot.resolve(outputName);
    }
}
