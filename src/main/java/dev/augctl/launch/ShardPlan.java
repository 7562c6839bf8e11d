package dev.augctl.launch;

import dev.augctl.common.AugctlException;
import dev.augctl.common.ShardPaths;
import dev.augctl.gpu.GpuAssignment;
import dev.augctl.run.RunState;
import dev.augctl.run.ShardRecord;
import dev.augctl.run.ShardState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/** Which shards this launch runs, with how many threads, and each one's exact {@link ShardSpec}. */
public final class ShardPlan {
    private final LaunchSettings settings;
    private final WorkerTemplate template;
    private final List<Integer> toRun;
    private final int threads;
    private final Map<String, String> commonEnv;
    private final String runId;

    private ShardPlan(LaunchSettings settings, WorkerTemplate template, List<Integer> toRun, String runId) {
        this.settings = settings;
        this.template = template;
        this.runId = runId;
        this.toRun = List.copyOf(toRun);
        this.threads = settings.threadsFor(Math.min(settings.jobs, Math.max(1, toRun.size())));
        this.commonEnv = ShardEnvironment.common(threads, settings.config.worker.env);
    }

    /**
     * The shards asked for (--shards, else all), narrowed with --retry-failed to those that
     * {@code previous} records as failed or interrupted.
     */
    public static ShardPlan of(LaunchSettings s, WorkerTemplate template, Optional<RunState> previous) {
        return of(s, template, previous, null);
    }

    /** As {@link #of(LaunchSettings, WorkerTemplate, Optional)}, for a launch whose processes carry {@code runId}. */
    public static ShardPlan of(LaunchSettings s, WorkerTemplate template, Optional<RunState> previous, String runId) {
        List<Integer> base = s.shards != null ? s.shards : IntStream.range(0, s.numShards).boxed().toList();
        if (!s.retryFailed) {
            return new ShardPlan(s, template, base, runId);
        }
        Path runFile = ShardPaths.runState(s.logDir);
        RunState prev = previous.orElseThrow(() -> AugctlException.badInput(
                "--retry-failed: there is no run state " + runFile + " to retry from"));
        if (prev.numShards != s.numShards) {
            throw AugctlException.badInput("--retry-failed: " + runFile + " records " + prev.numShards
                    + " shards but this launch has " + s.numShards + " (use --num-shards " + prev.numShards + ")");
        }
        // A run still marked running had its launcher killed (we hold the lock now): its running and
        // pending shards never got an outcome, so they count as interrupted.
        boolean orphaned = "running".equals(prev.state);
        List<Integer> retry = new ArrayList<>();
        for (int i : base) {
            Optional<ShardRecord> r = prev.shard(i);
            ShardState st = r.map(x -> x.state).orElse(ShardState.PENDING);
            if (r.isEmpty() || st == ShardState.FAILED || st == ShardState.INTERRUPTED || (orphaned && !st.ended())) {
                retry.add(i);
            }
        }
        return new ShardPlan(s, template, retry, runId);
    }

    /** The mark of this launch's processes ({@link RunTag}), or null in a dry run. */
    public String runId() {
        return runId;
    }

    public List<Integer> toRun() {
        return toRun;
    }

    /** The thread cap each shard gets. */
    public int threads() {
        return threads;
    }

    /** The variables every shard gets besides its index and N. */
    public Map<String, String> commonEnv() {
        return commonEnv;
    }

    public Path log(int index) {
        return ShardPaths.log(settings.logDir, index, settings.numShards);
    }

    public Path cache(int index) {
        return ShardPaths.cache(settings.cacheDir, index);
    }

    public ShardSpec spec(int index) {
        int n = settings.numShards;
        Map<String, String> env = ShardEnvironment.forShard(index, n, runId, settings.logDir, commonEnv);
        if (settings.gpuAssignment != null) {
            env.put(GpuAssignment.VARIABLE, settings.gpuAssignment.visibleDevices(index));
        }
        return new ShardSpec(index, n, template.argv(index, n, log(index), cache(index)), env, log(index), cache(index));
    }

    /** The one-line note when more shards run at once than there are GPU slots; empty otherwise. */
    public java.util.Optional<String> gpuNote() {
        return settings.gpuAssignment == null ? java.util.Optional.empty()
                : settings.gpuAssignment.sharingNote(Math.min(settings.jobs, toRun.size()));
    }
}
