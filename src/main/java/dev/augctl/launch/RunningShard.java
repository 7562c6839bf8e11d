package dev.augctl.launch;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/** One started attempt of a shard, as its executor tracks it. */
public interface RunningShard {
    /** The OS pid of the worker, or null where there is none to speak of (a scheduler's task). */
    Long pid();

    /** The worker's start time as the OS reports it (ISO-8601), or null; recorded beside the pid. */
    String pidStartTime();

    /** The process group the worker leads (its own session), or null when it has none. */
    Long processGroup();

    /** An executor-specific id (for Slurm "JOBID_INDEX"), or null. */
    String taskId();

    /**
     * Completes once the attempt really runs. A local process runs at once (the default); a
     * scheduler's task may wait in its queue first, and the run state says pending until then.
     */
    default CompletableFuture<Void> onRunning() {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * When the attempt really began to run, as the executor knows it (a Slurm task writes it), or
     * null: then the moment the launcher saw it start counts. Asked once {@link #onRunning()} completed.
     */
    default Instant startedAt() {
        return null;
    }

    /** Completes once the attempt has really ended (the process reaped, the task finished). */
    CompletableFuture<ShardExit> onExit();

    /** Asks the shard's whole process tree to end (SIGTERM). */
    void terminate();

    /** Ends whatever is left of the shard's process tree (SIGKILL). */
    void kill();

    /** Whether anything of the shard's process tree is still running. */
    boolean alive();
}
