package dev.augctl.common;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Facts about processes that {@link ProcessHandle} does not give: zombies, process groups and
 * sessions (read from {@code /proc} on Linux), identity by pid and start time, and signalling a
 * whole process group through the {@code kill} program.
 */
public final class ProcessTree {
    /** Java derives start times from the boot time in whole seconds, which the kernel may round differently between reads. */
    private static final Duration START_TOLERANCE = Duration.ofMillis(1500);
    private static final Path PROC = Path.of("/proc");

    private ProcessTree() {
    }

    /** The process and all its descendants, taken now (before any of them is killed). */
    public static List<ProcessHandle> snapshot(ProcessHandle root) {
        List<ProcessHandle> all = new ArrayList<>();
        all.add(root);
        root.descendants().forEach(all::add);
        return all;
    }

    /** Alive and not a zombie: {@link ProcessHandle#isAlive()} is true until a zombie is reaped. */
    public static boolean running(ProcessHandle h) {
        if (!h.isAlive()) {
            return false;
        }
        String[] stat = stat(h.pid());
        return stat == null || !(stat[0].equals("Z") || stat[0].equals("X"));
    }

    /** The process group of {@code pid}, when the OS tells (Linux). */
    public static OptionalLong processGroup(long pid) {
        String[] stat = stat(pid);
        return stat == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(stat[2]));
    }

    /** The session of {@code pid}, when the OS tells (Linux). */
    public static OptionalLong session(long pid) {
        String[] stat = stat(pid);
        return stat == null ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(stat[3]));
    }

    /** Every running process of session {@code sid} (empty where /proc is missing). */
    public static List<ProcessHandle> sessionMembers(long sid) {
        List<ProcessHandle> members = new ArrayList<>();
        if (!Files.isDirectory(PROC)) {
            return members;
        }
        ProcessHandle.allProcesses().forEach(p -> {
            OptionalLong s = session(p.pid());
            if (s.isPresent() && s.getAsLong() == sid && running(p)) {
                members.add(p);
            }
        });
        return members;
    }

    /** The start time the OS reports for a process, as an ISO-8601 instant, or null. */
    public static String startTime(ProcessHandle h) {
        return h.info().startInstant().map(Instant::toString).orElse(null);
    }

    /**
     * The running process with this pid AND this start time: a pid alone may have been reused by an
     * unrelated process since it was recorded. A start time that is not an ISO-8601 instant (a
     * hand-edited run.json) matches nothing.
     */
    public static Optional<ProcessHandle> find(Long pid, String startTime) {
        if (pid == null || startTime == null) {
            return Optional.empty();
        }
        Instant recorded;
        try {
            recorded = Instant.parse(startTime.trim());
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessTree::running).filter(h -> {
            Optional<Instant> actual = h.info().startInstant();
            return actual.isPresent()
                    && Duration.between(recorded, actual.get()).abs().compareTo(START_TOLERANCE) <= 0;
        });
    }

    /** Sends {@code signal} (TERM, KILL) to every process of group {@code pgid}; false if it could not. */
    public static boolean signalGroup(long pgid, String signal) {
        String kill = killProgram();
        if (kill == null || pgid <= 1) {
            return false;
        }
        return Programs.succeeds(List.of(kill, "-s", signal, "--", "-" + pgid), Duration.ofSeconds(5));
    }

    /** The name of a signal that Java reports as exit code 128+n, or null when the code is not one. */
    public static String signalName(int exitCode) {
        String[] names = {null, "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS",
            "SIGFPE", "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM"};
        int n = exitCode - 128;
        return n > 0 && n < names.length ? names[n] : null;
    }

    private static String killProgram() {
        for (String candidate : new String[] {"/bin/kill", "/usr/bin/kill"}) {
            if (new File(candidate).canExecute()) {
                return candidate;
            }
        }
        return null;
    }

    /**
     * Fields of /proc/PID/stat after the command name (which may hold spaces and parentheses):
     * [0] state, [1] ppid, [2] pgrp, [3] session, ... [11] utime, [12] stime; null where absent.
     */
    public static String[] stat(long pid) {
        try {
            String s = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            int close = s.lastIndexOf(')');
            return close < 0 ? null : s.substring(close + 2).trim().split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
