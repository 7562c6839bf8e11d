package dev.augctl.monitor;

import dev.augctl.common.ExitCode;
import dev.augctl.common.ShardPaths;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Runs the monitor: one snapshot, or with follow a refresh every interval until every shard has
 * ended. The exit code: 0 for a snapshot; with follow 0 when every shard succeeded, 1 when any
 * did not, 130 when interrupted.
 */
public final class MonitorLoop {
    /** Time between two CPU readings when there is no earlier one (a snapshot or the first frame). */
    static final Duration CPU_SAMPLE = Duration.ofMillis(200);

    /** How to wait; tests pass a faster one. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Monitor monitor;
    private final MonitorView view;
    private final Sleeper sleeper;

    public MonitorLoop(Monitor monitor, MonitorView view, Sleeper sleeper) {
        this.monitor = monitor;
        this.view = view;
        this.sleeper = sleeper;
    }

    public MonitorLoop(Monitor monitor, MonitorView view) {
        this(monitor, view, d -> Thread.sleep(d.toMillis()));
    }

    /** One snapshot (exit 0). */
    public int snapshot() throws IOException {
        try {
            view.show(first());
            return ExitCode.OK;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.SIGINT;
        } finally {
            view.close();
        }
    }

    /** Refreshes every {@code interval} until every shard has ended. */
    public int follow(Duration interval) throws IOException {
        try {
            Snapshot s = first();
            while (true) {
                view.show(s);
                if (s.summary().allEnded()) {
                    return s.summary().allSucceeded() ? ExitCode.OK : ExitCode.FAILED;
                }
                sleeper.sleep(interval);
                s = monitor.refresh();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return ExitCode.SIGINT;
        } finally {
            view.close();
        }
    }

    /**
     * Whether {@code logDir} holds a run to watch: its run.json or a shard log (a run of a worker
     * started without augctl launch).
     */
    public static boolean runExists(Path logDir) {
        if (Files.isRegularFile(ShardPaths.runState(logDir))) {
            return true;
        }
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(logDir, "shard_*_of_*.log")) {
            return logs.iterator().hasNext();
        } catch (IOException | RuntimeException e) {
            return false; // no folder yet
        }
    }

    /** Waits until {@link #runExists}, checking every {@code poll}; false when interrupted. */
    public static boolean awaitRun(Path logDir, Duration poll) {
        while (!runExists(logDir)) {
            try {
                Thread.sleep(poll.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** The first refresh; with a live shard process, a second one shortly after gives its CPU %. */
    private Snapshot first() throws IOException, InterruptedException {
        Snapshot s = monitor.refresh();
        if (monitor.cpuPending()) {
            sleeper.sleep(CPU_SAMPLE);
            s = monitor.refresh();
        }
        return s;
    }
}
