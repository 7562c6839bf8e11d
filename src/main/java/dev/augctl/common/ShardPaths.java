package dev.augctl.common;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The names of per-shard files, shared by the worker, the launcher, the monitor and merge. */
public final class ShardPaths {
    /** {@code manifest_shard{i}_of_{N}.csv}, with the index and N as groups 1 and 2. */
    public static final Pattern MANIFEST = Pattern.compile("manifest_shard(\\d+)_of_(\\d+)\\.csv");
    /** {@code shard_{i}_of_{N}.log}, with the index and N as groups 1 and 2. */
    public static final Pattern LOG = Pattern.compile("shard_(\\d+)_of_(\\d+)\\.log");

    private ShardPaths() {
    }

    /** The worker's log: {@code <logDir>/shard_{i}_of_{N}.log}. */
    public static Path log(Path logDir, int index, int numShards) {
        return logDir.resolve("shard_" + index + "_of_" + numShards + ".log");
    }

    /** The shard's disk cache: {@code <cacheDir>/augment_shard{i}.db}. */
    public static Path cache(Path cacheDir, int index) {
        return cacheDir.resolve("augment_shard" + index + ".db");
    }

    /** The shard's manifest: {@code <outputRoot>/manifest_shard{i}_of_{N}.csv}. */
    public static Path manifest(Path outputRoot, int index, int numShards) {
        return outputRoot.resolve(manifestName(index, numShards));
    }

    public static String manifestName(int index, int numShards) {
        return "manifest_shard" + index + "_of_" + numShards + ".csv";
    }

    /** The input as the launcher read it, for the built-in worker's shards: {@code <logDir>/input.table}. */
    public static Path inputTable(Path logDir) {
        return logDir.resolve("input.table");
    }

    /** The launcher's run state: {@code <logDir>/run.json}. */
    public static Path runState(Path logDir) {
        return logDir.resolve("run.json");
    }

    /** Parses a manifest file name into {index, N}, or null when it is not one. */
    public static int[] parseManifestName(String fileName) {
        Matcher m = MANIFEST.matcher(fileName);
        return m.matches() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : null;
    }
}
