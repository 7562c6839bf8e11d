package dev.augctl.launch;

import dev.augctl.history.InputFingerprint;
import dev.augctl.config.AugctlConfig;
import dev.augctl.gpu.GpuAssignment;
import dev.augctl.gpu.GpuList;
import dev.augctl.history.ComboKey;
import dev.augctl.history.TimedCombo;
import dev.augctl.config.ScheduleMode;
import dev.augctl.config.StartOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The resolved settings of one {@code augctl launch}: configuration with the flags applied. */
public final class LaunchSettings {

    /** The configuration, with flag overrides (input, methods, seed, ...) already written into it. */
    public AugctlConfig config;
    public Path configFile;
    public int numShards;
    /** At most this many shards at once. */
    public int jobs;
    /** The shards asked for with --shards, or null for all of them. */
    public List<Integer> shards;
    public boolean retryFailed;
    public int maxRetries;
    public boolean force;
    /** The thread cap per shard, or null for cores / concurrent shards. */
    public Integer threadsPerShard;
    public Duration gracePeriod;
    public Path logDir;
    public Path cacheDir;
    /** The GPUs asked for (gpus), and how many each shard gets. */
    public GpuList gpus = GpuList.NONE;
    public int gpusPerShard = 1;
    /** Each local shard's GPUs (CUDA_VISIBLE_DEVICES), or null: no GPUs, or a scheduler binds them. */
    public GpuAssignment gpuAssignment;
    /** Return once the shards are submitted, without waiting (batch executors only). */
    public boolean noWait;
    /** The built-in worker's schedule. */
    public ScheduleMode schedule = ScheduleMode.DYNAMIC;
    /** Start order when N > J, or null for lpt when a history exists. */
    public StartOrder order;

    /**
     * The built-in worker's static assignment (shard to its combos), for the estimates of
     * {@code --order lpt}; empty for another worker. Filled by the command, which reads the methods.
     */
    public Map<Integer, List<ComboKey>> builtinCombos = Map.of();
    /**
     * The built-in worker's whole work in variants to try (input rows × combos × variants per row), or
     * 0 for another worker: the shards' share of it chooses their JIT compiler ({@link WorkerJvm}).
     */
    public long builtinVariants;
    /** Reads the combos a shard log shows finished (the monitor's patterns), for the duration history. */
    public TimedCombo.LogReader logTimes = (log, since) -> List.of();

    /**
     * What the command prepares for its shards once the run is this launcher's (the locks taken, the
     * previous run checked) and before the first shard starts; nothing by default.
     */
    public BeforeShards beforeShards = () -> { };

    /** Work done once per launch before the shards start, such as writing a file they read. */
    @FunctionalInterface
    public interface BeforeShards {
        void run() throws java.io.IOException;
    }

    private InputFingerprint input;

    /**
     * The input's fingerprint (SHA-256 and data rows), computed once per launch: run.json records it,
     * the start order and the duration history use it.
     */
    public InputFingerprint input() {
        if (input == null) {
            input = InputFingerprint.of(config.input);
        }
        return input;
    }

    /** The input's fingerprint as already read (the built-in worker's check reads the input anyway). */
    public void input(InputFingerprint known) {
        input = known;
    }

    /** Whether the shards claim the built-in worker's combos (then they are interchangeable). */
    public boolean dynamic(WorkerTemplate template) {
        return schedule == ScheduleMode.DYNAMIC && template.usesBuiltinWorker() && template.uses("schedule");
    }

    /** The thread cap for {@code concurrent} shards at once on this machine. */
    public int threadsFor(int concurrent) {
        if (threadsPerShard != null) {
            return threadsPerShard;
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, cores / Math.max(1, concurrent));
    }
}
