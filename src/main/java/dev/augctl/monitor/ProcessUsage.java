package dev.augctl.monitor;

import dev.augctl.common.ProcessTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CPU time and resident memory of a process tree, from {@code /proc/<pid>/stat} and
 * {@code /proc/<pid>/status} (Linux; elsewhere every reading is empty). CPU % is the CPU time the
 * tree used between two readings divided by the wall time between them (100 % = one core).
 */
final class ProcessUsage {
    /** Kernel clock ticks per second as user space sees them (USER_HZ, 100 on Linux). */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final Path PROC = Path.of("/proc");

    /** One reading of a process tree: CPU ticks used so far (user + system) and RSS in bytes. */
    record Reading(long cpuTicks, long rssBytes, long nanoTime) {
        /** CPU % between an earlier reading and this one, or null when too close in time. */
        Double cpuPercentSince(Reading earlier) {
            long dt = earlier == null ? 0 : nanoTime - earlier.nanoTime;
            if (dt < 50_000_000L) {
                return null;
            }
            double cpuSeconds = Math.max(0, cpuTicks - earlier.cpuTicks) / TICKS_PER_SECOND;
            return 100.0 * cpuSeconds / (dt / 1e9);
        }
    }

    private ProcessUsage() {
    }

    static boolean supported() {
        return Files.isDirectory(PROC.resolve("self"));
    }

    /**
     * Whether the recorded process still runs: by pid and start time ({@link ProcessTree#find}); a
     * record without a start time is trusted by pid, since the figures are for display only.
     */
    static boolean isSameProcess(long pid, String recordedStart) {
        if (recordedStart == null || recordedStart.isBlank()) {
            return ProcessHandle.of(pid).filter(ProcessTree::running).isPresent();
        }
        return ProcessTree.find(pid, recordedStart).isPresent();
    }

    /** The tree's CPU ticks and RSS now, or null when {@code pid} is gone. */
    static Reading read(long pid) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty()) {
            return null;
        }
        List<Long> pids = new ArrayList<>();
        pids.add(pid);
        h.get().descendants().forEach(d -> pids.add(d.pid()));
        long ticks = 0;
        long rss = 0;
        boolean any = false;
        for (long p : pids) {
            long[] stat = stat(p);
            if (stat == null) {
                continue;
            }
            any = true;
            ticks += stat[0];
            rss += rssBytes(p);
        }
        return any ? new Reading(ticks, rss, System.nanoTime()) : null;
    }

    /** {utime + stime} of one process, or null. */
    private static long[] stat(long pid) {
        String[] f = ProcessTree.stat(pid);
        if (f == null || f.length < 13) {
            return null;
        }
        return new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12])};
    }

    private static long rssBytes(long pid) {
        try {
            for (String line : Files.readAllLines(PROC.resolve(Long.toString(pid)).resolve("status"), StandardCharsets.UTF_8)) {
                if (line.startsWith("VmRSS:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone between the listing and the read: counts as nothing
        }
        return 0;
    }
}
