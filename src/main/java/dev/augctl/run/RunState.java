package dev.augctl.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.augctl.common.AtomicFiles;
import dev.augctl.common.AugctlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The launcher's run state, {@code logs/augment/run.json}: what was launched, where, and how each
 * shard is doing. Written atomically by the launcher on every change; read by monitor and stop.
 * The schema is documented in docs/RUN_STATE.md; {@link RunStateJson} reads and writes it.
 */
public final class RunState {
    public static final int SCHEMA = 1;

    public int schema = SCHEMA;
    /** {@code local} or {@code slurm}. */
    public String executor = "local";
    /** The overall state: running while the launcher works, then succeeded, failed or interrupted. */
    public String state = "running";
    public Long launcherPid;
    public String launcherStartTime;
    public String host;
    public String startedAt;
    public String endedAt;
    public int numShards;
    public int jobs;
    /** Seconds the launcher waits between SIGTERM and SIGKILL when it stops shards. */
    public double gracePeriod;
    /** The signal that interrupted the launcher ("SIGINT", "SIGTERM"), when one did. */
    public String signal;
    public String config;
    public String outputRoot;
    /** The input the shards were given ({@code input}), and its SHA-256 and data rows as the launcher read them. */
    public String input;
    public String inputSha256;
    public Long inputRows;
    /** Every process of this launch has AUGCTL_RUN_ID set to this in its environment. */
    public String runId;
    /** GPUs per shard when the launch assigned GPUs, else null. */
    public Integer gpusPerShard;
    /** The scheduler's job id (Slurm), when there is one. */
    public String jobId;
    public List<ShardRecord> shards = new ArrayList<>();

    /** Reads {@code run.json}, or empty when there is none. A corrupt file is a clear error. */
    public static Optional<RunState> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(RunStateJson.read(Files.readAllBytes(file)));
        } catch (NoSuchFileException e) {
            return Optional.empty(); // removed since the check above
        } catch (JsonProcessingException e) {
            throw AugctlException.badInput(file + ": not a valid run state: " + e.getOriginalMessage()
                    + "; 'augctl stop' still ends the processes of this log directory; then move the file away"
                    + " (keep it for reference) to launch anew", e);
        } catch (IOException e) {
            throw AugctlException.failed("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes this state to {@code file} atomically. */
    public void write(Path file) throws IOException {
        AtomicFiles.write(file, out -> RunStateJson.write(this, out));
    }

    /** The record of shard {@code index}, if this run has it. */
    public Optional<ShardRecord> shard(int index) {
        return shards.stream().filter(s -> s.index == index).findFirst();
    }
}
