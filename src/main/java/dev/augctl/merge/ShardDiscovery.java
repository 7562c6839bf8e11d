package dev.augctl.merge;

import dev.augctl.common.AugctlException;
import dev.augctl.common.ShardPaths;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Finds the shard manifests directly under the output root and checks that they form one complete
 * set: a single N, each index 0..N-1 exactly once (or, when allowed, a subset of them).
 */
public final class ShardDiscovery {
    /** Every file whose name starts with this is expected to be a shard manifest. */
    static final String PREFIX = "manifest_shard";
    /** Larger N values are taken for a typo rather than a run (and would cost memory to check). */
    static final int MAX_SHARDS = 100_000;

    /** The shards found, in numeric index order, and the indices that are absent. */
    public record Found(List<ShardManifest> shards, int numShards, List<Integer> missing) {
    }

    private ShardDiscovery() {
    }

    /**
     * Lists the shard manifests under {@code root}. The merged manifest ({@code outputName}) is never
     * one of them. Throws a bad-input error when the set is empty, malformed, mixed or incomplete.
     */
    public static Found discover(Path root, String outputName, boolean allowMissing) {
        if (!Files.isDirectory(root)) {
            throw AugctlException.badInput("output root not found or not a directory: " + root
                    + " (set --output-root or output_root in the config)");
        }
        List<ShardManifest> shards = list(root, outputName);
        if (shards.isEmpty()) {
            throw AugctlException.badInput("no shard manifests (manifest_shard<I>_of_<N>.csv) under " + root);
        }
        shards.sort(Comparator.comparingInt(ShardManifest::numShards).thenComparingInt(ShardManifest::index));
        int n = singleN(shards);
        checkIndices(shards, n);
        List<Integer> missing = missing(shards, n);
        if (!missing.isEmpty() && !allowMissing) {
            throw AugctlException.badInput("missing shard manifest(s) for N=" + n + " under " + root
                    + ": " + describeMissing(missing, n) + "; rerun those shards, or pass --allow-missing"
                    + " to merge the " + shards.size() + " present");
        }
        return new Found(List.copyOf(shards), n, missing);
    }

    private static List<ShardManifest> list(Path root, String outputName) {
        List<ShardManifest> shards = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(root, PREFIX + "*")) {
            for (Path p : dir) {
                String name = p.getFileName().toString();
                if (name.equals(outputName)) {
                    continue;
                }
                int[] parsed = parse(name);
                if (parsed == null) {
                    throw AugctlException.badInput("unexpected file " + p + ": its name starts with '" + PREFIX
                            + "' but is not manifest_shard<I>_of_<N>.csv (0 <= I < N <= " + MAX_SHARDS + "); rename or move it");
                }
                if (!Files.isRegularFile(p)) {
                    throw AugctlException.badInput("shard manifest " + p + " is not a regular file");
                }
                shards.add(new ShardManifest(p, parsed[0], parsed[1]));
            }
        } catch (IOException e) {
            throw AugctlException.badInput("cannot list " + root + ": " + e.getMessage(), e);
        }
        return shards;
    }

    /** {index, N}, or null when the name is not a manifest name with plausible numbers. */
    private static int[] parse(String name) {
        try {
            int[] parsed = ShardPaths.parseManifestName(name);
            return parsed == null || parsed[1] < 1 || parsed[1] > MAX_SHARDS ? null : parsed;
        } catch (NumberFormatException e) {
            return null; // digits beyond int range
        }
    }

    private static int singleN(List<ShardManifest> shards) {
        Map<Integer, List<String>> byN = new TreeMap<>();
        for (ShardManifest s : shards) {
            byN.computeIfAbsent(s.numShards(), k -> new ArrayList<>()).add(s.fileName());
        }
        if (byN.size() > 1) {
            String groups = byN.entrySet().stream()
                    .map(e -> "N=" + e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                    .collect(Collectors.joining("; "));
            throw AugctlException.badInput("shard manifests disagree on the number of shards: " + groups
                    + "; keep only one run's manifests under " + shards.get(0).path().getParent());
        }
        return byN.keySet().iterator().next();
    }

    private static void checkIndices(List<ShardManifest> shards, int n) {
        ShardManifest previous = null;
        for (ShardManifest s : shards) {
            if (s.index() >= n) {
                throw AugctlException.badInput("invalid shard manifest name " + s.path() + ": shard index "
                        + s.index() + " is not in 0.." + (n - 1));
            }
            if (previous != null && previous.index() == s.index()) {
                throw AugctlException.badInput("two manifests for shard " + s.index() + ": "
                        + previous.path() + " and " + s.path());
            }
            previous = s;
        }
    }

    private static List<Integer> missing(List<ShardManifest> shards, int n) {
        boolean[] present = new boolean[n];
        for (ShardManifest s : shards) {
            present[s.index()] = true;
        }
        List<Integer> missing = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!present[i]) {
                missing.add(i);
            }
        }
        return missing;
    }

    /** "indices 2, 5 (manifest_shard2_of_7.csv, manifest_shard5_of_7.csv)", shortened when long. */
    static String describeMissing(List<Integer> missing, int n) {
        int shown = Math.min(missing.size(), 10);
        String indices = missing.subList(0, shown).stream().map(String::valueOf).collect(Collectors.joining(", "));
        String names = missing.subList(0, shown).stream().map(i -> ShardPaths.manifestName(i, n))
                .collect(Collectors.joining(", "));
        String more = missing.size() > shown ? " and " + (missing.size() - shown) + " more" : "";
        return (missing.size() == 1 ? "index " : "indices ") + indices + more + " (" + names + more + ")";
    }
}
