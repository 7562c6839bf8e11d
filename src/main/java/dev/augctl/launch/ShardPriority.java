package dev.augctl.launch;

import dev.augctl.common.Pause;
import dev.augctl.common.ProcessTree;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs shards at a lower CPU priority than interactive commands (the monitor, a shell), so that
 * watching a run stays fast while the shards use every core. Two mechanisms, because Linux has two
 * schedulers' views: the worker is started through {@code nice -n N}, so every thread and child it
 * makes inherits the value; and where the kernel groups tasks by session (autogroup), nice values
 * do not act across groups and each shard leads a session of its own, so its group gets the value
 * too, through {@code /proc/PID/autogroup}.
 */
final class ShardPriority {
    static final File NICE = new File("/usr/bin/nice");
    private static final Path AUTOGROUP_SWITCH = Path.of("/proc/sys/kernel/sched_autogroup_enabled");
    private static final long SESSION_WAIT_NANOS = 500_000_000L;

    private ShardPriority() {
    }

    /** The argv in front of the worker's: {@code nice -n N}, or nothing for 0 or where nice is missing. */
    static List<String> prefix(int nice) {
        return nice > 0 && NICE.canExecute() ? List.of(NICE.getPath(), "-n", Integer.toString(nice)) : List.of();
    }

    /**
     * Gives the autogroup of shard {@code pid} the nice value, once the shard leads its own session
     * (a moment after its start: setsid runs first); never the launcher's own group. Does nothing
     * where autogroup is off or unknown, and gives up quietly when the file cannot be written.
     */
    static void lowerAutogroup(long pid, int nice) {
        if (nice <= 0 || !autogroupEnabled()) {
            return;
        }
        long deadline = System.nanoTime() + SESSION_WAIT_NANOS;
        while (System.nanoTime() < deadline) {
            String[] stat = ProcessTree.stat(pid);
            if (stat == null || stat[0].equals("Z")) {
                return; // already ended
            }
            if (stat[3].equals(Long.toString(pid))) {
                try {
                    Files.writeString(Path.of("/proc", Long.toString(pid), "autogroup"), Integer.toString(nice));
                } catch (IOException | RuntimeException e) {
                    // not permitted here: the per-thread nice value still applies
                }
                return;
            }
            Pause.millis(1);
        }
    }

    static boolean autogroupEnabled() {
        try {
            return Files.readString(AUTOGROUP_SWITCH).trim().equals("1");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
