package dev.augctl.launch;

import dev.augctl.common.Pause;
import dev.augctl.common.ProcessTree;
import dev.augctl.common.RunId;
import dev.augctl.common.TreeStopper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The mark every process of a launch carries: {@code AUGCTL_RUN_ID} and {@code AUGCTL_LOG_DIR} in
 * the environment of each shard, which its children inherit. The log directory finds a launch's
 * processes when run.json is missing or unreadable. It finds what a process tree cannot: a grandchild that left
 * its shard's session and whose parent has died (a daemon), or a shard started just before its
 * launcher was killed, before run.json recorded it. Read from /proc/PID/environ (the environment a
 * process was started with), so Linux only; elsewhere nothing is found.
 */
public final class RunTag {
    /** The variable holding the run id; {@code AUGCTL_SHARD_INDEX} beside it names the shard. */
    public static final String VARIABLE = RunId.VARIABLE;
    /** The variable holding the launch's log directory, absolute and normalised ({@link #logDirMark}). */
    public static final String LOG_DIR_VARIABLE = "AUGCTL_LOG_DIR";
    private static final AtomicInteger LAUNCHES = new AtomicInteger();
    private static final Path PROC = Path.of("/proc");

    /** A process carrying a run's mark, with the shard index its environment names (or -1), and whether a Slurm task runs it. */
    public record Tagged(ProcessHandle process, int shard, boolean slurmTask) {
    }

    private static final byte[] SLURM_MARK = "\0SLURM_JOB_ID=".getBytes(StandardCharsets.US_ASCII);

    private RunTag() {
    }

    /** A new run id, unique on this machine: the launcher's pid, its start in ms, a counter. */
    public static String newRunId() {
        return ProcessHandle.current().pid() + "-" + System.currentTimeMillis() + "-" + LAUNCHES.incrementAndGet();
    }

    /**
     * Ends the processes marked with {@code runId} (a daemon whose parent died has left both its
     * shard's tree and, through setsid, its session): SIGTERM, up to {@code grace} (cut short when
     * {@code hurry} turns true), then SIGKILL until they are gone. Says what it does.
     */
    public static void stop(String runId, Duration grace, BooleanSupplier hurry, Consumer<String> say) {
        List<Tagged> strays = find(runId);
        if (strays.isEmpty()) {
            return;
        }
        say.accept("stopping " + describe(strays) + " that outlived their shard's process tree (SIGTERM, SIGKILL after "
                + Summary.format(grace) + ")");
        stop(strays, grace, hurry);
    }

    /** SIGTERM to {@code strays}, up to {@code grace} (cut short when {@code hurry} turns true), then SIGKILL until they are gone. */
    static void stop(List<Tagged> strays, Duration grace, BooleanSupplier hurry) {
        TreeStopper tree = new TreeStopper(null, null, strays.stream().map(Tagged::process).toList());
        tree.terminate();
        long deadline = System.nanoTime() + grace.toNanos();
        while (!hurry.getAsBoolean() && System.nanoTime() < deadline && tree.alive()) {
            Pause.millis(50);
        }
        long killDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < killDeadline && tree.alive()) {
            tree.kill();
            Pause.millis(50);
        }
    }

    /**
     * The processes marked with {@code runId} that are still running, described ("2 processes
     * started by shard 3 (pids 10, 11)"), or empty. A second look after a moment skips processes
     * that were just exiting with their shard.
     */
    public static Optional<String> stillRunning(String runId) {
        if (find(runId).isEmpty()) {
            return Optional.empty();
        }
        Pause.millis(200);
        List<Tagged> strays = find(runId);
        return strays.isEmpty() ? Optional.empty() : Optional.of(describe(strays));
    }

    /** "2 processes started by shard 3 (pids 10, 11)" or "a process started by shard 1 (pid 12)". */
    public static String describe(List<Tagged> strays) {
        List<String> shards = strays.stream().map(t -> Integer.toString(t.shard())).distinct().toList();
        List<String> pids = strays.stream().map(t -> Long.toString(t.process().pid())).toList();
        return (strays.size() == 1 ? "a process" : strays.size() + " processes") + " started by shard"
                + (shards.size() == 1 ? " " : "s ") + String.join(", ", shards)
                + " (pid" + (pids.size() == 1 ? " " : "s ") + String.join(", ", pids) + ")";
    }


    /** The running processes (zombies excluded) whose environment holds {@code AUGCTL_RUN_ID=runId}. */
    public static List<Tagged> find(String runId) {
        return find(VARIABLE, runId);
    }

    /**
     * The running processes marked with {@code logDir}, of any launch, that are not Slurm tasks
     * (those are the scheduler's to stop): what a launcher that died left running there, found
     * without run.json.
     */
    public static List<Tagged> findInLogDir(Path logDir) {
        return find(LOG_DIR_VARIABLE, logDirMark(logDir)).stream().filter(t -> !t.slurmTask()).toList();
    }

    /** The log directory as processes carry it: absolute and normalised, so that any spelling of it matches. */
    public static String logDirMark(Path logDir) {
        return logDir.toAbsolutePath().normalize().toString();
    }

    private static List<Tagged> find(String variable, String value) {
        List<Tagged> found = new ArrayList<>();
        if (value == null || value.isEmpty() || !Files.isDirectory(PROC)) {
            return found;
        }
        byte[] mark = ("\0" + variable + "=" + value + "\0").getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses().forEach(p -> {
            if (p.pid() == self) {
                return;
            }
            byte[] env = environ(p.pid());
            if (env != null && indexOf(env, mark) >= 0 && ProcessTree.running(p)) {
                found.add(new Tagged(p, shardIndex(env), indexOf(env, SLURM_MARK) >= 0));
            }
        });
        return found;
    }

    /** The environment block, with a NUL in front so that every entry is preceded by one; null if unreadable. */
    private static byte[] environ(long pid) {
        try {
            byte[] raw = Files.readAllBytes(PROC.resolve(Long.toString(pid)).resolve("environ"));
            byte[] env = new byte[raw.length + 2];
            System.arraycopy(raw, 0, env, 1, raw.length);
            return env; // leading and trailing NUL
        } catch (IOException | RuntimeException e) {
            return null; // gone, or another user's
        }
    }

    private static int shardIndex(byte[] env) {
        byte[] key = "\0AUGCTL_SHARD_INDEX=".getBytes(StandardCharsets.US_ASCII);
        int at = indexOf(env, key);
        if (at < 0) {
            return -1;
        }
        int value = 0;
        int digits = 0;
        for (int i = at + key.length; i < env.length && env[i] >= '0' && env[i] <= '9' && digits < 9; i++, digits++) {
            value = value * 10 + (env[i] - '0');
        }
        return digits == 0 ? -1 : value;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
