package dev.augctl.launch;

import dev.augctl.common.AugctlException;
import dev.augctl.common.LockFile;
import dev.augctl.common.LockFile.Holder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One launcher per log directory, output root and cache folder: a {@link LockFile} in each, taken
 * before anything starts and held until the launch ends. The cache folder holds every shard's cache,
 * so its lock covers each of them; merge checks the output root's lock.
 */
public final class LaunchLock implements AutoCloseable {
    private final List<LockFile> locks;
    /** The output root's record before this launch replaced it (the last run on it), if any. */
    private final Optional<Holder> previousOnOutput;

    private LaunchLock(List<LockFile> locks, Optional<Holder> previousOnOutput) {
        this.locks = locks;
        this.previousOnOutput = previousOnOutput;
    }

    public static Path path(Path logDir) {
        return LockFile.in(logDir);
    }

    /**
     * Takes the locks of the log directory, the output root and the cache folder (a folder used for
     * two of them is locked once), or fails (exit 2) naming what is shared and its holder; on failure
     * no lock is kept.
     */
    public static LaunchLock acquire(Path logDir, Path outputRoot, Path cacheDir) throws IOException {
        Map<Path, String> folders = new LinkedHashMap<>();
        folders.put(logDir.toAbsolutePath().normalize(), "log directory");
        if (outputRoot != null) {
            folders.putIfAbsent(outputRoot.toAbsolutePath().normalize(), "output root");
        }
        if (cacheDir != null) {
            folders.putIfAbsent(cacheDir.toAbsolutePath().normalize(), "cache folder");
        }
        List<LockFile> taken = new ArrayList<>();
        Optional<Holder> previousOnOutput = Optional.empty();
        try {
            for (Map.Entry<Path, String> f : folders.entrySet()) {
                LockFile lock = LockFile.tryAcquire(f.getKey());
                if (lock == null) {
                    throw refused(f.getValue(), f.getKey());
                }
                taken.add(lock);
                if (outputRoot != null && f.getKey().equals(outputRoot.toAbsolutePath().normalize())) {
                    previousOnOutput = lock.read();
                }
            }
        } catch (IOException | RuntimeException e) {
            closeAll(taken);
            throw e;
        }
        LaunchLock lock = new LaunchLock(taken, previousOnOutput);
        // Until this launch names its run, the record keeps the last run's: a launch refused later
        // (shards still running, say) must not make merge forget which run wrote the output root.
        lock.record(previousOnOutput.map(Holder::runId).orElse(null),
                previousOnOutput.map(Holder::runStarted).orElse(null));
        return lock;
    }

    /** "another launcher (pid 12 on host n1, log dir /x) is running on the output root /y (it holds /y/launch.lock); ...". */
    private static AugctlException refused(String what, Path dir) {
        Optional<Holder> holder = LockFile.holder(dir).filter(Holder::mayBeRunning);
        String who = holder.map(h -> "another launcher (" + h.describe() + ")")
                .orElse("another augctl process (a launch starting, or a merge)");
        String stop = holder.map(Holder::logDir).map(d -> "'augctl stop --log-dir " + d + "'").orElse("'augctl stop'");
        return AugctlException.badInput(who + " is running on the " + what + " " + dir + " (it holds "
                + LockFile.in(dir) + "); wait for it, or end it with " + stop);
    }

    /** Takes the log directory's lock if it is free (for a short update of run.json), else returns null. */
    public static LaunchLock tryAcquire(Path logDir) throws IOException {
        LockFile lock = LockFile.tryAcquire(logDir);
        if (lock == null) {
            return null;
        }
        LaunchLock held = new LaunchLock(List.of(lock), Optional.empty());
        held.record(null, null);
        return held;
    }

    /** Writes this process as the holder of every lock, with the run it launches (null: not known yet). */
    public void record(String runId, Instant runStarted) throws IOException {
        Path logDir = locks.get(0).file().getParent();
        for (LockFile lock : locks) {
            lock.record(Holder.self(logDir, runId, runStarted));
        }
    }

    /** Whether some process holds the log directory's lock now (false when there is no lock file). */
    public static boolean held(Path logDir) throws IOException {
        return LockFile.held(logDir);
    }

    /** The pid written in the log directory's lock file by its latest holder. */
    public static OptionalLong holderPid(Path logDir) {
        return LockFile.holder(logDir).map(Holder::pid).orElse(OptionalLong.empty());
    }

    /**
     * When the run {@code runId} started, as the last launch on the output root recorded it (a launch
     * that continues a run keeps the run's first start); empty when that launch ran another run.
     */
    public Optional<Instant> runStarted(String runId) {
        return previousOnOutput.filter(h -> runId != null && runId.equals(h.runId())).map(Holder::runStarted);
    }

    @Override
    public void close() throws IOException {
        closeAll(locks);
    }

    private static void closeAll(List<LockFile> locks) throws IOException {
        IOException failure = null;
        for (LockFile lock : locks) {
            try {
                lock.close();
            } catch (IOException e) {
                failure = e;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
