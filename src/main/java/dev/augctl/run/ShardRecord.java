package dev.augctl.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;

/** One shard's entry in {@code run.json}. Times are ISO-8601 UTC instants. */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class ShardRecord {
    @JsonProperty("index") public int index;
    @JsonProperty("state") public ShardState state = ShardState.PENDING;
    /** The exact argv of the latest attempt. */
    @JsonProperty("argv") public List<String> argv = new ArrayList<>();
    /** The pid of the latest attempt's process (for Slurm: null). */
    @JsonProperty("pid") public Long pid;
    /** The start time of that process as the OS reports it; a pid is trusted only with it. */
    @JsonProperty("pid_start_time") public String pidStartTime;
    /**
     * The process group and session the worker leads (equal to its pid when it was started through
     * setsid), or null when it shares the launcher's: lets stop find descendants after the pid is gone.
     */
    @JsonProperty("process_group") public Long processGroup;
    /** The exit code of the latest attempt, when it exited. */
    @JsonProperty("exit_code") public Integer exitCode;
    /** The signal that ended the latest attempt (for example "SIGKILL"), when known. */
    @JsonProperty("signal") public String signal;
    @JsonProperty("attempts") public int attempts;
    @JsonProperty("started_at") public String startedAt;
    @JsonProperty("ended_at") public String endedAt;
    @JsonProperty("log") public String log;
    @JsonProperty("cache") public String cache;
    /** A short human reason for the state, when there is one (for example "stopped by SIGINT"). */
    @JsonProperty("message") public String message;
    /** Executor-specific task id (for Slurm: "JOBID_INDEX"). */
    @JsonProperty("task_id") public String taskId;

    public ShardRecord() {
    }

    public ShardRecord(int index) {
        this.index = index;
    }
}
