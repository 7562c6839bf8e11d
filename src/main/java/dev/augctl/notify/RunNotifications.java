package dev.augctl.notify;

import dev.augctl.common.DaemonThreads;
import dev.augctl.common.LogTail;
import dev.augctl.launch.LaunchListener;
import dev.augctl.monitor.ShardRow;
import dev.augctl.monitor.Snapshot;
import dev.augctl.run.RunState;
import dev.augctl.run.ShardRecord;
import dev.augctl.run.ShardState;
import dev.augctl.serve.MergeSummary;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Turns a launch's events into notifications and {@code --on-event} runs. The launcher's thread
 * only copies the facts; reading logs and the monitor's snapshot, and sending, happen on threads
 * of their own.
 */
public final class RunNotifications implements LaunchListener, AutoCloseable {
    /** How long the end of a run waits for deliveries still in flight. */
    public static final Duration END_GRACE = Duration.ofSeconds(3);
    /** Log lines sent with shard_failed. */
    static final int TAIL_LINES = 20;

    private final Notifier notifier;
    private final EventCommand command;
    private final Supplier<Snapshot> snapshots;
    private final MergeSummary merge;
    private final PrintWriter err;
    private final ExecutorService queue = Executors.newSingleThreadExecutor(DaemonThreads.named("augctl-notify-events"));

    /** The facts of one event, copied on the launcher's thread. */
    private record Facts(LaunchListener.Kind kind, String runId, String host, String startedAt, int numShards,
                         int jobs, int succeeded, int failed, int interrupted, Integer shard, Integer attempt,
                         String log, String detail, Integer code) {
    }

    /**
     * @param notifier   the URL targets, or null
     * @param command    the --on-event command, or null
     * @param snapshots  the monitor's latest snapshot (rows, ETA, current combo), or null
     * @param merge      the merged manifest's statistics (with --merge), or null
     */
    public RunNotifications(Notifier notifier, EventCommand command, Supplier<Snapshot> snapshots, MergeSummary merge,
                            PrintWriter err) {
        this.notifier = notifier;
        this.command = command;
        this.snapshots = snapshots;
        this.merge = merge;
        this.err = err;
    }

    @Override
    public void on(Event e) {
        RunState run = e.run();
        int[] counts = new int[ShardState.values().length];
        for (ShardRecord r : run.shards) {
            counts[r.state.ordinal()]++;
        }
        String log = e.shard() == null ? null : run.shard(e.shard()).map(r -> r.log).orElse(null);
        Facts f = new Facts(e.kind(), run.runId, run.host, run.startedAt, run.numShards, run.jobs,
                counts[ShardState.SUCCEEDED.ordinal()], counts[ShardState.FAILED.ordinal()],
                counts[ShardState.INTERRUPTED.ordinal()], e.shard(), e.attempt(), log, e.detail(), e.code());
        queue.execute(() -> {
            try {
                NotifyEvent event = event(f);
                if (notifier != null) {
                    notifier.send(event);
                }
                if (command != null) {
                    command.send(event);
                }
            } catch (RuntimeException ex) {
                synchronized (err) {
                    err.println("augctl: warning: " + name(f.kind()) + " notification: " + ex);
                    err.flush();
                }
            }
        });
    }

    private NotifyEvent event(Facts f) {
        Snapshot snap = snapshot();
        ShardRow row = snap == null || f.shard() == null ? null
                : snap.shards().stream().filter(r -> r.shard() == f.shard()).findFirst().orElse(null);
        Long rows = snap == null ? null : Long.valueOf(snap.summary().rows());
        Long eta = snap == null || snap.summary().etaSeconds() == null ? null : Math.round(snap.summary().etaSeconds());
        Long elapsed = f.startedAt() == null ? null
                : Duration.between(Instant.parse(f.startedAt()), Instant.now()).toSeconds();
        String run = "run " + f.runId() + " on " + f.host();
        String shard = f.shard() == null ? null : "shard " + f.shard() + "/" + f.numShards();
        return switch (f.kind()) {
            case STARTED -> new NotifyEvent("augctl: " + run + " started",
                    f.numShards() + " shards, at most " + f.jobs() + " at once", "info", "started",
                    f.runId(), f.host(), null, null, null, rows, elapsed, eta, null, null, null);
            case SHARD_RETRIED -> new NotifyEvent("augctl: " + shard + " retried",
                    shard + " of " + run + ": attempt " + f.attempt() + " failed (" + f.detail() + ")", "warning",
                    "shard_retried", f.runId(), f.host(), f.shard(), row == null ? null : row.current(), f.attempt(),
                    rows, elapsed, eta, null, null, tail(f.log()));
            case SHARD_FAILED -> new NotifyEvent("augctl: " + shard + " failed",
                    shard + " of " + run + " failed: " + f.detail() + " (attempt " + f.attempt() + ")"
                            + (row != null && row.error() != null ? "; " + row.error() : ""), "failure",
                    "shard_failed", f.runId(), f.host(), f.shard(), row == null ? null : row.current(), f.attempt(),
                    rows, elapsed, eta, null, null, tail(f.log()));
            case FINISHED -> finished(f, run, rows, elapsed);
            case INTERRUPTED -> new NotifyEvent("augctl: " + run + " interrupted",
                    run + " " + f.detail() + ": " + f.succeeded() + " of " + f.numShards() + " shards succeeded, "
                            + f.interrupted() + " interrupted", "warning", "interrupted", f.runId(), f.host(),
                    null, null, null, rows, elapsed, null, null, null, null);
        };
    }

    private NotifyEvent finished(Facts f, String run, Long rows, Long elapsed) {
        MergeSummary.Stats stats = merge == null ? null : merge.read();
        boolean merged = stats != null && stats.exists() && stats.error() == null;
        boolean ok = f.code() != null && f.code() == 0;
        StringBuilder m = new StringBuilder(run).append(' ').append(f.detail()).append(": ").append(f.succeeded())
                .append(" of ").append(f.numShards()).append(" shards succeeded");
        if (f.failed() > 0) {
            m.append(", ").append(f.failed()).append(" failed");
        }
        if (rows != null) {
            m.append(", ").append(rows).append(" rows");
        }
        if (elapsed != null) {
            m.append(", ").append(elapsed).append(" s");
        }
        if (merged) {
            m.append("; merged ").append(stats.combos()).append(" combos, ").append(stats.rows()).append(" rows into ")
                    .append(stats.file());
        }
        return new NotifyEvent("augctl: " + run + " " + (ok ? "succeeded" : "failed"), m.toString(),
                ok ? "success" : "failure", "finished", f.runId(), f.host(), null, null, null, rows, elapsed, 0L,
                merged ? stats.file() : null, merged ? stats : null, null);
    }

    private Snapshot snapshot() {
        try {
            return snapshots == null ? null : snapshots.get();
        } catch (RuntimeException e) {
            return null; // the event goes out without the monitor's figures
        }
    }

    private static List<String> tail(String log) {
        if (log == null) {
            return List.of();
        }
        try {
            return LogTail.read(Path.of(log), TAIL_LINES);
        } catch (IOException e) {
            return List.of("(cannot read " + log + ": " + e.getMessage() + ")");
        }
    }

    private static String name(LaunchListener.Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Waits at most {@code grace} in all for the events still being prepared, sent or run. */
    public void close(Duration grace) {
        long deadline = System.nanoTime() + grace.toNanos();
        queue.shutdown();
        try {
            queue.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
        if (notifier != null) {
            notifier.close(left);
        }
        if (command != null) {
            command.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }

    @Override
    public void close() {
        close(END_GRACE);
    }
}
