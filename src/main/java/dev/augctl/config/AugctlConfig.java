package dev.augctl.config;

import dev.augctl.common.ComboMode;
import dev.augctl.common.SaveFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Every launch setting, as read from {@code conf/augctl.yaml}. Field initialisers are the built-in
 * defaults; the file overrides them and command-line flags override the file. Keys are snake_case.
 * Relative paths are relative to the directory augctl is run from (the project root).
 */
public final class AugctlConfig {

    /** The token of a worker template that stands for this augctl (the running JVM and jar). */
    public static final String BUILTIN_WORKER_TOKEN = "{augctl}";

    @Key("num_shards") public int numShards = 7;
    /** At most this many shards at once; null means all of them. */
    @Key("jobs") public Integer jobs;
    @Key("executor") public Executor executor = Executor.LOCAL;

    @Key("input") public Path input = Path.of("data/sample/redsm5_sample.csv");
    @Key("methods") public Path methods = Path.of("conf/augment_methods.yaml");
    @Key("output_root") public Path outputRoot = Path.of("data/processed/augsets");

    @Key("text_col") public String textCol = "sentence_text";
    @Key("evidence_col") public String evidenceCol = "sentence_text";
    @Key("criterion_col") public String criterionCol = "DSM5_symptom";
    @Key("label_col") public String labelCol = "status";
    @Key("id_col") public String idCol = "sentence_id";

    @Key("variants_per_sample") public int variantsPerSample = 2;
    @Key("seed") public long seed = 42;
    @Key("quality_min_sim") public double qualityMinSim = 0.55;
    @Key("quality_max_sim") public double qualityMaxSim = 0.95;
    @Key("combo_mode") public ComboMode comboMode = ComboMode.SINGLETONS;
    /** Worker threads inside each shard (the worker's {@code --num-proc}). */
    @Key("num_proc") public int numProc = 1;
    @Key("save_format") public SaveFormat saveFormat = SaveFormat.PARQUET;
    /** A row whose text is longer is not augmented (the worker's {@code --max-text-chars}); 0: no limit. */
    @Key("max_text_chars") public int maxTextChars = 100_000;

    @Key("log_dir") public Path logDir = Path.of("logs/augment");
    @Key("cache_dir") public Path cacheDir = Path.of("data/cache");

    /** Thread cap per shard (OMP_NUM_THREADS and friends); null means cores / concurrent shards. */
    @Key("threads_per_shard") public Integer threadsPerShard;
    /** Seconds between SIGTERM and SIGKILL when stopping shards. */
    @Key("grace_period") public double gracePeriod = 10;
    /** How much lower the shards' CPU priority is than the launcher's: 0 (unchanged) to 19. Local shards only. */
    @Key("nice") public int nice = 10;
    /** Restarts of a failed shard. */
    @Key("max_retries") public int maxRetries = 0;
    /** GPUs for the shards: none, all (every GPU nvidia-smi lists) or a list such as "0,1" (docs/GPU.md). */
    @Key("gpus") public String gpus = "none";
    /** Consecutive GPUs of that list each shard gets (CUDA_VISIBLE_DEVICES). */
    @Key("gpus_per_shard") public int gpusPerShard = 1;
    /** The built-in worker's schedule; null means dynamic. */
    @Key("schedule") public ScheduleMode schedule;
    /** Start order of the shards when N > J; null means lpt when a history exists. */
    @Key("order") public StartOrder order;

    /** Where the run's events are sent (launch --notify); URLs hold tokens and are shown redacted. */
    @Key("notify") public List<String> notify = new ArrayList<>();

    @Key("worker") public Worker worker = new Worker();
    @Key("merge") public Merge merge = new Merge();
    @Key("monitor") public Monitor monitor = new Monitor();
    @Key("slurm") public Slurm slurm = new Slurm();

    /** The worker command: an argv template, never run through a shell. */
    public static final class Worker {
        @Key("command") public List<String> command = new ArrayList<>(List.of(
                BUILTIN_WORKER_TOKEN, "generate",
                "--input", "{input}",
                "--methods", "{methods}",
                "--output-root", "{output_root}",
                "--text-col", "{text_col}",
                "--evidence-col", "{evidence_col}",
                "--criterion-col", "{criterion_col}",
                "--label-col", "{label_col}",
                "--id-col", "{id_col}",
                "--variants-per-sample", "{variants_per_sample}",
                "--seed", "{seed}",
                "--quality-min-sim", "{quality_min_sim}",
                "--quality-max-sim", "{quality_max_sim}",
                "--combo-mode", "{combo_mode}",
                "--num-proc", "{num_proc}",
                "--save-format", "{save_format}",
                "--max-text-chars", "{max_text_chars}",
                "--shard-index", "{shard}",
                "--num-shards", "{num_shards}",
                "--cache-db", "{cache}",
                "--schedule", "{schedule}",
                "--history", "{history}",
                "--input-table", "{input_table}",
                "{force}"));
        /** JVM options for the built-in worker ({@value #BUILTIN_WORKER_TOKEN} expands with them). */
        @Key("java_opts") public List<String> javaOpts = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx512m"));
        /**
         * Whether local shards of the built-in worker share a class-data archive of the worker's
         * classes, made by the first shard that runs without one (docs/WORKER.md, "The worker's JVM").
         */
        @Key("class_data_archive") public boolean classDataArchive = true;
        /** Extra environment variables for every shard. */
        @Key("env") public java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
    }

    /** Settings of {@code augctl merge}. */
    public static final class Merge {
        @Key("output_name") public String outputName = "manifest_final.csv";
        /** The manifest column that names a combo (unique across shards). */
        @Key("key_column") public String keyColumn = "combo";
        /** The manifest column that counts a combo's rows. */
        @Key("rows_column") public String rowsColumn = "rows";
        /** The manifest column locating a combo's dataset (checked by {@code merge --verify}). */
        @Key("path_column") public String pathColumn = "path";
        /** The manifest column with a combo's seconds (read into the duration history; see docs/RUN_STATE.md). */
        @Key("seconds_column") public String secondsColumn = "seconds";
    }

    /** Settings of {@code augctl monitor}. */
    public static final class Monitor {
        @Key("patterns") public Path patterns = Path.of("conf/monitor.yaml");
        /** Seconds between refreshes with --follow. */
        @Key("interval") public double interval = 10;
        /** Seconds of silence after which a running shard counts as stalled. */
        @Key("stall_after") public double stallAfter = 600;
    }

    /** Settings of the Slurm executor; null means "leave it to the cluster's default". */
    public static final class Slurm {
        @Key("partition") public String partition;
        @Key("account") public String account;
        @Key("qos") public String qos;
        @Key("time") public String time;
        @Key("mem") public String mem;
        @Key("job_name") public String jobName = "augctl";
        @Key("extra_args") public List<String> extraArgs = new ArrayList<>();
        /** Seconds between scheduler polls while waiting. */
        @Key("poll_interval") public double pollInterval = 5;
    }
}
