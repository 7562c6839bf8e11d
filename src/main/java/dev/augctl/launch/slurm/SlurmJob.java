package dev.augctl.launch.slurm;

import dev.augctl.launch.RunningShard;
import dev.augctl.launch.ShardExit;
import dev.augctl.run.SlurmStatus;
import dev.augctl.run.SlurmStatus.QueuedTask;
import dev.augctl.run.SlurmStatus.TaskExit;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One submitted job array, tracked by polling: each task's status file, then squeue. A task runs once
 * squeue shows it running (or it has ended); it ends when its status file appears, or when squeue shows
 * it ended and no status file follows (cancelled while pending, killed, timed out, node failure).
 */
final class SlurmJob {
    /** How long a task squeue shows ended may take to show its status file (shared filesystems lag). */
    private static final Duration STATUS_FILE_LAG = Duration.ofSeconds(15);
    /** Poll period once the job is being cancelled: the launcher waits for its tasks to be gone. */
    private static final Duration CANCEL_POLL = Duration.ofMillis(500);

    private final String jobId;
    private final Path logDir;
    private final Duration interval;
    private final Map<Integer, Task> tasks = new LinkedHashMap<>();
    private final Thread poller;
    private volatile boolean cancelled;
    private volatile boolean closed;
    private long lastKill;

    SlurmJob(String jobId, List<Integer> indices, Path logDir, Duration interval) {
        this.jobId = jobId;
        this.logDir = logDir;
        this.interval = interval;
        for (int i : indices) {
            tasks.put(i, new Task(i));
        }
        poller = new Thread(this::pollLoop, "augctl-slurm-poll-" + jobId);
        poller.setDaemon(true);
    }

    void start() {
        poller.start();
    }

    String jobId() {
        return jobId;
    }

    List<RunningShard> shards() {
        return new ArrayList<>(tasks.values());
    }

    private boolean allEnded() {
        return tasks.values().stream().allMatch(t -> t.exit.isDone() && !t.active);
    }

    private void pollLoop() {
        while (!closed && !allEnded()) {
            try {
                Thread.sleep((cancelled ? CANCEL_POLL : interval).toMillis());
            } catch (InterruptedException e) {
                if (closed) {
                    return;
                }
            }
            poll();
        }
    }

    /** One look at the status files and at squeue; completes what it can. */
    synchronized void poll() {
        Optional<Map<Integer, QueuedTask>> queue = SlurmStatus.squeue(jobId);
        long now = System.nanoTime();
        for (Task t : tasks.values()) {
            QueuedTask q = queue.map(m -> m.get(t.index)).orElse(null);
            t.active = queue.isEmpty() ? !t.exit.isDone() : q != null && q.active();
            if (t.exit.isDone()) {
                continue;
            }
            Optional<TaskExit> file = SlurmStatus.readExit(logDir, t.index, t.taskId());
            if (q != null && q.active() && !q.pending()) {
                t.running.complete(null);
            }
            if (file.isPresent()) {
                t.running.complete(null);
                int code = file.get().exitCode();
                t.exit.complete(new ShardExit(code, code > 128 ? dev.augctl.common.ProcessTree.signalName(code) : null,
                        SlurmStatus.parseInstant(file.get().endedAt()).orElse(null)));
                continue;
            }
            if (queue.isEmpty() || (q != null && q.active())) {
                continue; // squeue cannot answer, or the task is not over: look again later
            }
            // squeue says it ended (or no longer knows it) and there is no status file yet.
            if (t.endSeen == 0) {
                t.endSeen = now;
            }
            boolean neverRan = q != null && q.state().equals("CANCELLED") && !t.running.isDone();
            if (cancelled || neverRan || now - t.endSeen > STATUS_FILE_LAG.toNanos()) {
                t.running.complete(null);
                t.exit.complete(endedWithoutStatusFile(q));
            }
        }
    }

    /**
     * The end of a task that wrote no status file, as squeue tells it: the state names the cause
     * (CANCELLED, TIMEOUT, OUT_OF_MEMORY, NODE_FAIL); never a success, even when Slurm reports status 0.
     */
    private static ShardExit endedWithoutStatusFile(QueuedTask q) {
        if (q == null) {
            return new ShardExit(1, "GONE");
        }
        if (q.state().equals("COMPLETED")) {
            return new ShardExit(q.exitCode(), null);
        }
        return new ShardExit(q.exitCode() != 0 ? q.exitCode() : 1, q.state());
    }

    /** scancel the whole array (pending tasks included), once; then poll often until its tasks are gone. */
    synchronized void cancel() {
        if (!cancelled) {
            cancelled = true;
            Sbatch.scancel(jobId, false);
            poller.interrupt();
        }
    }

    /** SIGKILL to whatever is left, at most every two seconds (the launcher asks repeatedly). */
    synchronized void kill() {
        cancel();
        if (System.nanoTime() - lastKill > Duration.ofSeconds(2).toNanos()) {
            lastKill = System.nanoTime();
            Sbatch.scancel(jobId, true);
        }
    }

    void close() {
        closed = true;
        poller.interrupt();
    }

    /** One array task as the launcher sees it. */
    final class Task implements RunningShard {
        final int index;
        final CompletableFuture<Void> running = new CompletableFuture<>();
        final CompletableFuture<ShardExit> exit = new CompletableFuture<>();
        volatile boolean active = true;
        long endSeen;

        Task(int index) {
            this.index = index;
        }

        @Override
        public Long pid() {
            return null;
        }

        @Override
        public String pidStartTime() {
            return null;
        }

        @Override
        public Long processGroup() {
            return null;
        }

        @Override
        public String taskId() {
            return jobId + "_" + index;
        }

        @Override
        public CompletableFuture<Void> onRunning() {
            return running;
        }

        /** From the start file the task writes before its worker runs (null if it wrote none). */
        @Override
        public Instant startedAt() {
            return SlurmStatus.readStart(logDir, index, taskId()).orElse(null);
        }

        @Override
        public CompletableFuture<ShardExit> onExit() {
            return exit;
        }

        @Override
        public void terminate() {
            cancel();
        }

        @Override
        public void kill() {
            SlurmJob.this.kill();
        }

        /** Pending, running or completing in squeue: only a task squeue shows ended is gone. */
        @Override
        public boolean alive() {
            return active || !exit.isDone();
        }
    }
}
