package dev.augctl.run;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.augctl.common.AtomicFiles;
import dev.augctl.common.AugctlException;
import dev.augctl.common.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The launcher's run state, {@code logs/augment/run.json}: what was launched, where, and how each
 * shard is doing. Written atomically by the launcher on every change; read by monitor and stop.
 * The schema is documented in docs/RUN_STATE.md.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public final class RunState {
    public static final int SCHEMA = 1;

    @JsonProperty("schema") public int schema = SCHEMA;
    /** {@code local} or {@code slurm}. */
    @JsonProperty("executor") public String executor = "local";
    /** The overall state: running while the launcher works, then succeeded, failed or interrupted. */
    @JsonProperty("state") public String state = "running";
    @JsonProperty("launcher_pid") public Long launcherPid;
    @JsonProperty("launcher_start_time") public String launcherStartTime;
    @JsonProperty("host") public String host;
    @JsonProperty("started_at") public String startedAt;
    @JsonProperty("ended_at") public String endedAt;
    @JsonProperty("num_shards") public int numShards;
    @JsonProperty("jobs") public int jobs;
    /** Seconds the launcher waits between SIGTERM and SIGKILL when it stops shards. */
    @JsonProperty("grace_period") public double gracePeriod;
    /** The signal that interrupted the launcher ("SIGINT", "SIGTERM"), when one did. */
    @JsonProperty("signal") public String signal;
    @JsonProperty("config") public String config;
    @JsonProperty("output_root") public String outputRoot;
    /** The scheduler's job id (Slurm), when there is one. */
    @JsonProperty("job_id") public String jobId;
    @JsonProperty("shards") public List<ShardRecord> shards = new ArrayList<>();

    /** Reads {@code run.json}, or empty when there is none. A corrupt file is a clear error. */
    public static Optional<RunState> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(file.toFile(), RunState.class));
        } catch (JsonProcessingException e) {
            throw AugctlException.badInput(file + ": not a valid run state: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw AugctlException.failed("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes this state to {@code file} atomically. */
    public void write(Path file) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsBytes(this);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** The record of shard {@code index}, if this run has it. */
    public Optional<ShardRecord> shard(int index) {
        return shards.stream().filter(s -> s.index == index).findFirst();
    }
}
