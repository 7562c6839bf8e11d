package dev.augctl.merge;

import java.nio.file.Path;

/** One shard's manifest file: {@code manifest_shard{index}_of_{numShards}.csv}. */
public record ShardManifest(Path path, int index, int numShards) {
    public String fileName() {
        return path.getFileName().toString();
    }
}
