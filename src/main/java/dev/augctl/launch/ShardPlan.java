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
    /** With --retry-failed: the argv run.json records for each shard retried. */
    private final Map<Integer, List<String>> recorded;
    /** With --retry-failed: the launcher's JVM options inside each recorded argv. */
    private final Map<Integer, List<String>> recordedJvm;
    /** The built-in worker's class-data archive, for shards started on this machine; or null. */
    private ClassDataArchive archive;

    private ShardPlan(LaunchSettings settings, WorkerTemplate template, List<Integer> toRun, String runId,
                      Map<Integer, List<String>> recorded, Map<Integer, List<String>> recordedJvm) {
        this.settings = settings;
        this.template = template;
        this.runId = runId;
        this.recorded = Map.copyOf(recorded);
        this.recordedJvm = Map.copyOf(recordedJvm);
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
            return new ShardPlan(s, template, base, runId, Map.of(), Map.of());
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
        Map<Integer, List<String>> recorded = new java.util.HashMap<>();
        Map<Integer, List<String>> recordedJvm = new java.util.HashMap<>();
        for (int i : base) {
            Optional<ShardRecord> r = prev.shard(i);
            ShardState st = r.map(x -> x.state).orElse(ShardState.PENDING);
            if (r.isEmpty() || st == ShardState.FAILED || st == ShardState.INTERRUPTED || (orphaned && !st.ended())) {
                retry.add(i);
                if (r.isPresent() && r.get().argv != null && !r.get().argv.isEmpty()) {
                    recorded.put(i, r.get().argv); // a retry reruns what ran (--force included)
                    recordedJvm.put(i, r.get().jvmOptions == null ? List.of() : r.get().jvmOptions);
                }
            }
        }
        return new ShardPlan(s, template, retry, runId, recorded, recordedJvm);
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

    /** The JVM options the launcher adds to the built-in worker (before the archive's); none for another worker. */
    public List<String> workerJvmOptions() {
        return template.usesBuiltinWorker() ? WorkerJvm.options(threads, variantsPerShard()) : List.of();
    }

    /** {@link #workerJvmOptions()}, then the class-data archive's for shard {@code index} about to start. */
    private List<String> jvmOptions(int index) {
        List<String> all = new ArrayList<>(workerJvmOptions());
        if (archive != null && template.usesBuiltinWorker()) {
            all.addAll(archive.optionsFor(index));
        }
        return all;
    }

    /**
     * A built-in worker shard's share of the run's variants: under the dynamic schedule the shards
     * running at once share all of it, under the static one each has its N-th.
     */
    long variantsPerShard() {
        int sharing = settings.dynamic(template) ? Math.min(settings.jobs, settings.numShards) : settings.numShards;
        return settings.builtinVariants / Math.max(1, sharing);
    }

    /** Local shards of the built-in worker use (and the first one makes) this class-data archive. */
    public void useClassDataArchive(ClassDataArchive a) {
        this.archive = a;
    }

    /** Shard {@code index} ended: the class-data archive keeps what it made, if it succeeded. */
    public void ended(int index, boolean succeeded) {
        if (archive != null) {
            archive.ended(index, succeeded);
        }
    }

    /**
     * What shard {@code index} runs now (with a class-data archive: called once per start, since the
     * first start makes the archive).
     */
    public ShardSpec spec(int index) {
        int n = settings.numShards;
        List<String> then = recorded.get(index);
        List<String> thenJvm = recordedJvm.getOrDefault(index, List.of());
        List<String> jvm;
        List<String> argv;
        if (then == null) {
            jvm = jvmOptions(index);
            argv = template.argv(index, n, log(index), cache(index), jvm);
        } else if (WorkerJvm.holds(then, thenJvm)) {
            jvm = jvmOptions(index); // a retry runs the recorded argv with today's JVM options
            argv = WorkerJvm.replace(then, thenJvm, jvm);
        } else {
            jvm = List.of(); // recorded without the launcher's block (another worker, or before it existed): as recorded
            argv = then;
        }
        Map<String, String> env = ShardEnvironment.forShard(index, n, runId, settings.logDir, commonEnv);
        if (settings.gpuAssignment != null) {
            env.put(GpuAssignment.VARIABLE, settings.gpuAssignment.visibleDevices(index));
        }
        return new ShardSpec(index, n, argv, env, log(index), cache(index), jvm);
    }

    /** The one-line note when more shards run at once than there are GPU slots; empty otherwise. */
    public Optional<String> gpuNote() {
        return settings.gpuAssignment == null ? Optional.empty()
                : settings.gpuAssignment.sharingNote(Math.min(settings.jobs, toRun.size()));
    }
    private List<String> today(int index) {
        return template.argv(index, settings.numShards, log(index), cache(index));
    }

    /**
     * With --retry-failed, one line naming how today's configuration would change the recorded argv
     * of the retried shards (their recorded argv runs regardless), or empty when it would not.
     */
    public Optional<String> retryDifference() {
        for (int index : toRun) {
            List<String> then = recorded.get(index);
            if (then != null) {
                then = WorkerJvm.replace(then, recordedJvm.get(index), List.of());
            }
            if (then != null && !then.equals(today(index))) {
                return Optional.of("--retry-failed reruns the argv run.json records; today's configuration differs ("
                        + ArgvDiff.describe(then, today(index)) + "); to run with it, launch without --retry-failed"
                        + " (--shards " + String.join(",", toRun.stream().map(String::valueOf).toList()) + ")");
            }
        }
        return Optional.empty();
    }
}
