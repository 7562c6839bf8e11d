package dev.augctl.run;

import java.util.ArrayList;
import java.util.List;

/** One shard's entry in {@code run.json}. Times are ISO-8601 UTC instants. */
public final class ShardRecord {
    public int index;
    public ShardState state = ShardState.PENDING;
    /** The exact argv of the latest attempt. */
    public List<String> argv = new ArrayList<>();
    /**
     * The JVM options the launcher put into {@link #argv} for the built-in worker (thread count,
     * class-data archive), which a retry replaces with its own; empty for another worker.
     */
    public List<String> jvmOptions = new ArrayList<>();
    /** The pid of the latest attempt's process (for Slurm: null). */
    public Long pid;
    /** The start time of that process as the OS reports it; a pid is trusted only with it. */
    public String pidStartTime;
    /**
     * The process group and session the worker leads (equal to its pid when it was started through
     * setsid), or null when it shares the launcher's: lets stop find descendants after the pid is gone.
     */
    public Long processGroup;
    /** The exit code of the latest attempt, when it exited. */
    public Integer exitCode;
    /** The signal that ended the latest attempt (for example "SIGKILL"), when known. */
    public String signal;
    public int attempts;
    public String startedAt;
    public String endedAt;
    public String log;
    public String cache;
    /** A short human reason for the state, when there is one (for example "stopped by SIGINT"). */
    public String message;
    /** The GPUs of the latest attempt (its CUDA_VISIBLE_DEVICES, e.g. "0" or "2,3"), or null: none, or bound by a scheduler. */
    public String gpus;
    /** Executor-specific task id (for Slurm: "JOBID_INDEX"). */
    public String taskId;

    public ShardRecord() {
    }

    public ShardRecord(int index) {
        this.index = index;
    }
}
