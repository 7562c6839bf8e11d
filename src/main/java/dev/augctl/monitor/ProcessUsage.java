package dev.augctl.monitor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
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

    /** Whether {@code pid} is alive (not a zombie) and started at {@code recordedStart}, when given. */
    static boolean isSameProcess(long pid, String recordedStart) {
        Optional<ProcessHandle> h = ProcessHandle.of(pid);
        if (h.isEmpty() || !h.get().isAlive() || isZombie(pid)) {
            return false;
        }
        if (recordedStart == null || recordedStart.isBlank()) {
            return true;
        }
        Optional<Instant> actual = h.get().info().startInstant();
        String s = recordedStart.trim();
        try {
            Instant recorded = Instant.parse(s);
            return actual.isEmpty() || Math.abs(actual.get().toEpochMilli() - recorded.toEpochMilli()) <= 1500;
        } catch (DateTimeParseException notAnInstant) {
            // a number: the kernel's start time in ticks since boot, or epoch milliseconds
        }
        try {
            long n = Long.parseLong(s);
            long ticks = startTicks(pid);
            if (n == ticks) {
                return true;
            }
            return actual.isPresent() && Math.abs(actual.get().toEpochMilli() - n) <= 1500;
        } catch (NumberFormatException e) {
            return true; // a format we do not know: trust the pid rather than hide the figures
        }
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

    private static boolean isZombie(long pid) {
        String s = readStat(pid);
        int close = s == null ? -1 : s.lastIndexOf(')');
        return close > 0 && close + 2 < s.length() && s.charAt(close + 2) == 'Z';
    }

    private static long startTicks(long pid) {
        String[] f = fields(readStat(pid));
        return f == null || f.length < 20 ? -1 : Long.parseLong(f[19]);
    }

    /** {utime + stime} of one process, or null. */
    private static long[] stat(long pid) {
        String[] f = fields(readStat(pid));
        if (f == null || f.length < 13) {
            return null;
        }
        // after "pid (comm) ": state is field 0, utime 11, stime 12
        return new long[] {Long.parseLong(f[11]) + Long.parseLong(f[12])};
    }

    /** The fields after the command name (which may hold spaces and parentheses). */
    private static String[] fields(String stat) {
        if (stat == null) {
            return null;
        }
        int close = stat.lastIndexOf(')');
        return close < 0 ? null : stat.substring(close + 2).trim().split(" ");
    }

    private static String readStat(long pid) {
        try {
            return Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.US_ASCII);
        } catch (IOException | RuntimeException e) {
            return null;
        }
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
