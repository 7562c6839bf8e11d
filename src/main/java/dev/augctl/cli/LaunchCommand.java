package dev.augctl.cli;

import dev.augctl.common.AugctlException;
import dev.augctl.common.ComboMode;
import dev.augctl.common.SaveFormat;
import dev.augctl.common.ShardPaths;
import dev.augctl.config.AugctlConfig;
import dev.augctl.config.ConfigChecks;
import dev.augctl.config.Executor;
import dev.augctl.generate.ComboPlan;
import dev.augctl.history.ComboKey;
import dev.augctl.history.InputFingerprint;
import dev.augctl.history.TimedCombo;
import dev.augctl.monitor.ComboTimes;
import dev.augctl.monitor.PatternSet;
import dev.augctl.config.ScheduleMode;
import dev.augctl.config.StartOrder;
import dev.augctl.generate.Columns;
import dev.augctl.generate.InputTable;
import dev.augctl.generate.InputTableFile;
import dev.augctl.generate.WorkerInputs;
import dev.augctl.gpu.GpuAssignment;
import dev.augctl.gpu.GpuList;
import dev.augctl.gpu.NvidiaSmi;
import dev.augctl.launch.BatchExecutor;
import dev.augctl.launch.BuiltinWorker;
import dev.augctl.launch.DryRun;
import dev.augctl.launch.LaunchListener;
import dev.augctl.launch.LaunchSettings;
import dev.augctl.launch.LaunchValidation;
import dev.augctl.launch.Launcher;
import dev.augctl.launch.LocalExecutor;
import dev.augctl.launch.ShardExecutor;
import dev.augctl.launch.ShardSelection;
import dev.augctl.launch.WorkerTemplate;
import dev.augctl.launch.slurm.SlurmDryRun;
import dev.augctl.launch.slurm.SlurmExecutor;
import dev.augctl.launch.slurm.SlurmRuns;
import dev.augctl.launch.slurm.SlurmSettings;
import dev.augctl.notify.RunWatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code augctl launch}: runs the shards of the worker in parallel and reports how each ended. */
@Command(name = "launch",
        description = {
            "Run the worker once per shard, at most --jobs at once, each with its own log and cache; "
                + "record them in <log-dir>/run.json; print a summary. Ctrl-C or SIGTERM stops every shard "
                + "(SIGTERM, then SIGKILL after the grace period). Settings come from the config file; flags override it.",
        },
        footer = {
            "",
            "Exit codes: 0 every shard succeeded, 1 some shard failed, 2 bad usage or input,",
            "            130 interrupted by SIGINT, 143 by SIGTERM, 129 by SIGHUP",
            "            (the terminal closed). See docs/LAUNCH.md."
        })
public final class LaunchCommand extends BaseCommand implements HelpSections.Sectioned {
    @Override
    public Map<String, List<String>> sections() {
        Map<String, List<String>> s = new LinkedHashMap<>();
        s.put("Shards", List.of("--num-shards", "--jobs", "--shards", "--schedule", "--order", "--executor",
                "--threads-per-shard", "--nice", "--gpus", "--gpus-per-shard"));
        s.put("Run control", List.of("--dry-run", "--retry-failed", "--max-retries", "--force", "--merge", "--grace-period",
                "--config", "--log-dir", "--cache-dir"));
        s.put("Worker (its template's placeholders)", List.of("--input", "--methods", "--output-root", "--seed", "--combo-mode",
                "--variants-per-sample", "--num-proc", "--save-format"));
        s.put("Watching the run (docs/DASHBOARD.md, docs/NOTIFY.md)", List.of("--serve", "--notify", "--on-event"));
        s.put("Slurm (with --executor slurm)", List.of("--no-wait", "--partition", "--account", "--qos", "--time", "--mem",
                "--job-name", "--sbatch-arg"));
        return s;
    }

    @Option(names = {"-n", "--num-shards"}, paramLabel = "N", description = "Number of shards N (config num_shards).")
    Integer numShards;

    @Option(names = {"-j", "--jobs"}, paramLabel = "J",
            description = "At most J shards at once, started in index order as slots free up (config jobs; default N). "
                    + "N > J balances skewed combos.")
    Integer jobs;

    @Option(names = "--dry-run", description = "Validate and print each shard's command, log and cache; run and create nothing.")
    boolean dryRun;

    @Option(names = "--shards", paramLabel = "LIST", description = "Run only these shards, e.g. 2,5 or 0-3.")
    String shards;

    @Option(names = "--retry-failed", description = "Run only the shards that run.json records as failed or interrupted.")
    boolean retryFailed;

    @Option(names = "--max-retries", paramLabel = "R", description = "Restart a failed shard up to R times (config max_retries).")
    Integer maxRetries;

    @Option(names = "--force", description = "Pass --force to the worker ({force} in the template): redo complete combos.")
    boolean force;

    @Option(names = "--schedule", paramLabel = "S",
            description = "Built-in worker: dynamic (shards claim combos one at a time, longest estimated first; the default) "
                    + "or static (combo k in shard k mod N) (config schedule). See docs/LAUNCH.md.")
    ScheduleMode schedule;

    @Option(names = "--order", paramLabel = "O",
            description = "When N > J: start shards lpt (longest estimated first, from <log-dir>/history.jsonl) or index "
                    + "(config order; default lpt when a history exists). --dry-run prints the order and estimates.")
    StartOrder order;

    @Option(names = "--merge", description = "Run 'augctl merge' when every shard succeeded.")
    boolean merge;

    @Option(names = "--threads-per-shard", paramLabel = "T",
            description = "OMP/MKL/OpenBLAS/NumExpr thread cap per shard (config threads_per_shard; default cores / concurrent shards).")
    Integer threadsPerShard;

    @Option(names = "--grace-period", paramLabel = "SECONDS",
            description = "Seconds between SIGTERM and SIGKILL when stopping shards (config grace_period).")
    Double gracePeriod;

    @Option(names = "--executor", paramLabel = "NAME",
            description = "Where shards run: local (processes on this machine) or slurm (one job array; see docs/SLURM.md) (config executor).")
    Executor executor;

    @Option(names = "--nice", paramLabel = "N",
            description = "Run local shards N steps below normal CPU priority, 0..19, so that the monitor and the shell "
                    + "stay responsive; 0 leaves it unchanged (config nice; default 10).")
    Integer nice;

    @Option(names = "--gpus", paramLabel = "LIST",
            description = "GPUs for the shards, a list (0,1), all or none: shard i gets CUDA_VISIBLE_DEVICES from the list, "
                    + "round robin; all = every GPU 'nvidia-smi -L' lists (config gpus; default none). On Slurm: each task "
                    + "asks --gpus-per-task. See docs/GPU.md.")
    String gpus;

    @Option(names = "--gpus-per-shard", paramLabel = "K",
            description = "Consecutive GPUs of the list per shard (config gpus_per_shard; default 1).")
    Integer gpusPerShard;

    @CommandLine.Mixin
    SlurmOptions slurm;

    @CommandLine.Mixin
    WatchOptions watch;

    @Option(names = "--log-dir", paramLabel = "DIR", description = "Shard logs, run.json and the lock (config log_dir).")
    Path logDir;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "Per-shard caches (config cache_dir).")
    Path cacheDir;

    @Option(names = "--output-root", paramLabel = "DIR", description = "Output root of the datasets (config output_root).")
    Path outputRoot;

    @Option(names = "--input", paramLabel = "CSV", description = "Input file (config input).")
    Path input;

    @Option(names = "--methods", paramLabel = "YAML", description = "Methods file (config methods).")
    Path methods;

    @Option(names = "--seed", paramLabel = "S", description = "Random seed (config seed).")
    Long seed;

    @Option(names = "--combo-mode", paramLabel = "MODE", description = "singletons or pairs (config combo_mode).")
    ComboMode comboMode;

    @Option(names = "--variants-per-sample", paramLabel = "K", description = "Variants per row and combo (config variants_per_sample).")
    Integer variantsPerSample;

    @Option(names = "--num-proc", paramLabel = "P", description = "Worker threads inside each shard (config num_proc).")
    Integer numProc;

    @Option(names = "--save-format", paramLabel = "FMT", description = "parquet, csv or jsonl (config save_format).")
    SaveFormat saveFormat;

    @Override
    protected int doCall() throws Exception {
        LaunchSettings s = settings();
        WorkerTemplate template = WorkerTemplate.of(s.config, configFile, s.force,
                BuiltinWorker.command(s.config.worker.javaOpts));
        LaunchValidation.check(s, template);
        if (template.usesBuiltinWorker()) {
            // every shard would fail on bad input: say it once, now
            WorkerInputs inputs = checkBuiltinWorkerInputs(s.config);
            InputTable input = inputs.input();
            s.input(new InputFingerprint(input.sha256(), (long) input.size())); // read once
            // the shards read the input as checked here instead of parsing and hashing the CSV each
            s.beforeShards = () -> InputTableFile.write(ShardPaths.inputTable(s.logDir), input);
            s.builtinCombos = byShard(inputs.plan(), s.numShards);
            s.builtinVariants = (long) input.size() * inputs.plan().all().size() * s.config.variantsPerSample;
        }
        Path patterns = s.config.monitor.patterns; // read at the end of the run, only for a worker without a seconds column
        s.logTimes = (log, since) -> ComboTimes.read(log, PatternSet.load(patterns, false), since).stream()
                .map(t -> new TimedCombo(t.combo(), t.seconds(), t.rows())).toList();
        if (s.config.schedule == ScheduleMode.DYNAMIC && !template.usesBuiltinWorker()) {
            throw usage("--schedule dynamic needs the built-in worker ({augctl} generate): a worker of your own "
                    + "only knows --shard-index/--num-shards (use --order lpt to start long shards first)");
        }
        boolean onSlurm = s.config.executor == Executor.SLURM;
        SlurmSettings slurmSettings = onSlurm ? slurm.settings(s.config.slurm, s.logDir, s.numShards, s.threadsPerShard) : null;
        if (onSlurm && !s.gpus.none()) {
            slurmSettings.gpusPerTask = s.gpusPerShard;
            if (!s.gpus.all()) {
                err().println("augctl: note: on Slurm each task asks --gpus-per-task=" + s.gpusPerShard
                        + " and Slurm chooses which; the list " + s.gpus + " is not used");
                err().flush();
            }
        }
        RunWatch.Settings watching = watch.settings(spec.commandLine(), configFile, s.config, s.logDir, s.numShards,
                s.jobs, merge);
        if (dryRun) {
            int code = DryRun.print(s, template, s.config.executor.id(), out());
            WatchOptions.describe(watching, out());
            if (onSlurm) {
                SlurmDryRun.print(s, template, slurmSettings, out());
            }
            return code;
        }
        SlurmRuns.settlePrevious(s.logDir, " --config " + configFile);
        ShardExecutor shardExecutor = onSlurm ? slurmExecutor(slurmSettings) : new LocalExecutor(s.config.nice);
        try (RunWatch watcher = RunWatch.start(watching, err())) {
            return new Launcher(s, template, shardExecutor, out(), err(), merge ? () -> runMerge(s.config) : null)
                    .listener(watcher == null ? LaunchListener.NONE : watcher.listener()).run();
        } finally {
            if (shardExecutor instanceof BatchExecutor batch) {
                batch.close();
            }
        }
    }

    private static WorkerInputs checkBuiltinWorkerInputs(AugctlConfig c) {
        return WorkerInputs.load(c.methods, c.comboMode, c.input,
                new Columns(c.textCol, c.evidenceCol, c.criterionCol, c.labelCol, c.idCol), null);
    }

    /** The built-in worker's static assignment, as the estimates of --order lpt know combos. */
    private static Map<Integer, List<ComboKey>> byShard(ComboPlan plan, int numShards) {
        Map<Integer, List<ComboKey>> m = new java.util.HashMap<>();
        for (int i = 0; i < numShards; i++) {
            m.put(i, plan.forShard(i, numShards).stream().map(c -> new ComboKey(c.name(), c.methodNames())).toList());
        }
        return m;
    }

    private SlurmExecutor slurmExecutor(SlurmSettings settings) {
        SlurmExecutor e = new SlurmExecutor(settings);
        e.preflight(); // sbatch exists and accepts the options: exit 2 before anything is written
        return e;
    }

    private LaunchSettings settings() {
        AugctlConfig c = config();
        Set<String> byFlag = applyFlags(c);
        ConfigChecks.first(c).ifPresent(p -> {
            String message = p.describe(key -> byFlag.contains(key) ? ConfigChecks.flag(key) : key);
            throw byFlag.contains(p.key()) ? usage(message) : AugctlException.badInput(configFile + ": " + message);
        });
        LaunchSettings s = new LaunchSettings();
        s.config = c;
        s.configFile = configFile;
        s.numShards = c.numShards;
        s.jobs = c.jobs != null ? c.jobs : s.numShards;
        s.shards = shards != null ? ShardSelection.parse(shards, s.numShards) : null;
        s.retryFailed = retryFailed;
        s.maxRetries = c.maxRetries;
        s.force = force;
        s.threadsPerShard = c.threadsPerShard;
        s.gracePeriod = Duration.ofMillis(Math.round(c.gracePeriod * 1000));
        s.logDir = c.logDir;
        s.schedule = c.schedule != null ? c.schedule : ScheduleMode.DYNAMIC;
        s.order = c.order;
        s.cacheDir = c.cacheDir;
        boolean onSlurm = c.executor == Executor.SLURM;
        s.gpus = GpuList.parse(c.gpus);
        s.gpusPerShard = c.gpusPerShard;
        // Slurm binds a task's GPUs itself (--gpus-per-task); locally the list is resolved here, 'all' by nvidia-smi.
        s.gpuAssignment = onSlurm ? null : GpuAssignment.resolve(s.gpus, s.gpusPerShard, NvidiaSmi.onPath());
        if (slurm.noWait && !onSlurm) {
            throw usage("--no-wait needs --executor slurm (local shards need their launcher)");
        }
        if (onSlurm) {
            // A task gets --cpus-per-task CPUs of its own node; one unless asked (the login node's cores do not count).
            s.threadsPerShard = s.threadsPerShard != null ? s.threadsPerShard : 1;
            s.noWait = slurm.noWait;
            if (s.noWait && s.maxRetries > 0) {
                err().println("augctl: warning: --no-wait: max_retries " + s.maxRetries
                        + " is not applied (no launcher waits to resubmit); use --retry-failed later");
                err().flush();
                s.maxRetries = 0;
            }
        }
        return s;
    }

    /**
     * Writes the flags that were given into the configuration, so that one set of rules checks both;
     * returns the keys a flag set, so that messages name what the user typed ({@link ConfigChecks#flag}).
     */
    private Set<String> applyFlags(AugctlConfig c) {
        Set<String> byFlag = new HashSet<>();
        if (numShards != null) {
            c.numShards = numShards;
            byFlag.add("num_shards");
        }
        if (jobs != null) {
            c.jobs = jobs;
            byFlag.add("jobs");
        }
        if (maxRetries != null) {
            c.maxRetries = maxRetries;
            byFlag.add("max_retries");
        }
        if (threadsPerShard != null) {
            c.threadsPerShard = threadsPerShard;
            byFlag.add("threads_per_shard");
        }
        if (gracePeriod != null) {
            c.gracePeriod = gracePeriod;
            byFlag.add("grace_period");
        }
        if (nice != null) {
            c.nice = nice;
            byFlag.add("nice");
        }
        if (executor != null) {
            c.executor = executor;
        }
        if (gpus != null) {
            c.gpus = gpus;
            byFlag.add("gpus");
        }
        if (gpusPerShard != null) {
            c.gpusPerShard = gpusPerShard;
            byFlag.add("gpus_per_shard");
        }
        if (logDir != null) {
            c.logDir = logDir;
        }
        if (cacheDir != null) {
            c.cacheDir = cacheDir;
        }
        if (outputRoot != null) {
            c.outputRoot = outputRoot;
        }
        if (input != null) {
            c.input = input;
        }
        if (methods != null) {
            c.methods = methods;
        }
        if (seed != null) {
            c.seed = seed;
        }
        if (comboMode != null) {
            c.comboMode = comboMode;
        }
        if (variantsPerSample != null) {
            c.variantsPerSample = variantsPerSample;
            byFlag.add("variants_per_sample");
        }
        if (numProc != null) {
            c.numProc = numProc;
            byFlag.add("num_proc");
        }
        if (saveFormat != null) {
            c.saveFormat = saveFormat;
        }
        if (schedule != null) {
            c.schedule = schedule;
        }
        if (order != null) {
            c.order = order;
        }
        return byFlag;
    }

    /** Runs merge in this JVM, on the run's configuration (its output root included). */
    private int runMerge(AugctlConfig c) {
        out().println("all shards succeeded: merging the shard manifests under " + c.outputRoot);
        out().flush();
        return MergeCommand.mergeAndReport(MergeCommand.settings(c, false, false, false), false, out(), err());
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }
}
