package dev.augctl.merge;

import dev.augctl.common.AugctlException;
import dev.augctl.common.LockFile;
import dev.augctl.common.LockFile.Holder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Keeps a merge from losing or mixing work. It holds the output root's launch lock for the whole
 * merge (refusing while a launcher holds it, and keeping a launcher from starting meanwhile), and
 * refuses manifests of different runs: by their {@code run_id} column where the worker writes one,
 * and, for any worker, by age: a manifest last written before the last run on the output root
 * started belongs to an earlier run.
 */
final class RunGuard implements AutoCloseable {
    /** Tolerance for file-system timestamps (FAT rounds to 2 s) and clocks of a shared file system. */
    static final Duration CLOCK_SLACK = Duration.ofSeconds(2);
    private static final String NO_ID = "";

    private final Path root;
    private final LockFile lock;
    /** The last launch's record on the output root, when it named its run. */
    private final Optional<Holder> lastRun;
    /** Run id to the shard indices whose rows carry it, in order of first appearance. */
    private final Map<String, TreeSet<Integer>> runs = new LinkedHashMap<>();
    private final Map<Integer, String> lastIdOfShard = new HashMap<>();

    private RunGuard(Path root, LockFile lock, Optional<Holder> lastRun) {
        this.root = root;
        this.lock = lock;
        this.lastRun = lastRun;
    }

    /**
     * Takes the output root's launch lock when the folder has one (a merge creates none), or fails
     * (exit 2) naming the launcher that holds it.
     */
    static RunGuard enter(Path root) {
        if (!Files.isRegularFile(LockFile.in(root))) {
            return new RunGuard(root, null, Optional.empty());
        }
        LockFile lock;
        try {
            lock = LockFile.tryAcquire(root);
        } catch (IOException e) {
            throw AugctlException.failed("cannot lock " + LockFile.in(root) + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            throw refused(root, LockFile.holder(root).filter(Holder::mayBeRunning));
        }
        Optional<Holder> last;
        try {
            last = lock.read(); // through the lock's own channel: another descriptor's close would release it
        } catch (IOException e) {
            new RunGuard(root, lock, Optional.empty()).close();
            throw AugctlException.failed("cannot read " + LockFile.in(root) + ": " + e.getMessage(), e);
        }
        return new RunGuard(root, lock, last.filter(h -> h.runId() != null && h.runStarted() != null));
    }

    private static AugctlException refused(Path root, Optional<Holder> launcher) {
        if (launcher.isEmpty()) {
            return AugctlException.badInput("another augctl process holds " + LockFile.in(root)
                    + " (a launch starting, or another merge); merge again when it has finished");
        }
        Holder h = launcher.get();
        String dir = h.logDir() != null ? " --log-dir " + h.logDir() : "";
        return AugctlException.badInput("a launcher is running on " + root + " (" + h.describe()
                + "): its shards are still writing their manifests; merge once it has finished (follow it with"
                + " 'augctl monitor" + dir + " --follow'), or end it with 'augctl stop" + dir + "'");
    }

    /** Refuses manifests last written before the last run on the output root started. */
    void checkAges(List<ShardManifest> shards) {
        if (lastRun.isEmpty()) {
            return;
        }
        Instant started = lastRun.get().runStarted();
        List<ShardManifest> older = new ArrayList<>();
        for (ShardManifest shard : shards) {
            try {
                Instant written = Files.getLastModifiedTime(shard.path()).toInstant();
                if (written.isBefore(started.minus(CLOCK_SLACK))) {
                    older.add(shard);
                }
            } catch (IOException e) {
                throw AugctlException.badInput("cannot read " + shard.path() + ": " + e.getMessage(), e);
            }
        }
        if (!older.isEmpty()) {
            throw AugctlException.badInput("manifests of an earlier run under " + root + ": "
                    + describe(older) + " last written before run " + lastRun.get().runId() + " started at "
                    + started + ", while the other shards are that run's; " + remedy(older));
        }
    }

    /** Notes the run id of a row of {@code shard} (called for every row when the manifests have a run_id column). */
    void runId(ShardManifest shard, String id) {
        if (!id.equals(lastIdOfShard.put(shard.index(), id))) {
            runs.computeIfAbsent(id, k -> new TreeSet<>()).add(shard.index());
        }
    }

    /** Refuses rows of more than one run, or of another run than the last one on the output root. */
    void checkRunIds() {
        String last = lastRun.map(Holder::runId).orElse(null);
        boolean mixed = runs.size() > 1 || (last != null && runs.keySet().stream().anyMatch(id -> !id.equals(last)
                && !id.equals(NO_ID)));
        if (!mixed) {
            return;
        }
        String groups = runs.entrySet().stream()
                .map(e -> (e.getKey().equals(NO_ID) ? "no run id (not started by augctl launch)" : "run " + e.getKey())
                        + ": shard" + (e.getValue().size() == 1 ? " " : "s ")
                        + e.getValue().stream().map(String::valueOf).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        throw AugctlException.badInput("manifests of different runs under " + root + " (run_id column): " + groups
                + (last != null ? " (the last launch on it ran run " + last + ")" : "")
                + "; rerun the shards that are not of the run you want to merge, or move their manifests away");
    }

    private static String describe(List<ShardManifest> shards) {
        return (shards.size() == 1 ? "shard " : "shards ")
                + shards.stream().map(s -> s.index() + " (" + s.fileName() + ")").collect(Collectors.joining(", "))
                + (shards.size() == 1 ? " was" : " were");
    }

    private static String remedy(List<ShardManifest> shards) {
        return "rerun " + (shards.size() == 1 ? "it" : "them") + " ('augctl launch --shards "
                + shards.stream().map(s -> String.valueOf(s.index())).collect(Collectors.joining(","))
                + "' with that run's settings, or --retry-failed), or move the old manifests away";
    }

    @Override
    public void close() {
        if (lock != null) {
            try {
                lock.close();
            } catch (IOException e) {
                // the OS drops the lock with the process anyway
            }
        }
    }
}
