package dev.augctl.config;

import com.fasterxml.jackson.annotation.JsonProperty;
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

    @JsonProperty("num_shards") public int numShards = 7;
    /** At most this many shards at once; null means all of them. */
    @JsonProperty("jobs") public Integer jobs;
    /** Where shards run: {@code local} or {@code slurm}. */
    @JsonProperty("executor") public String executor = "local";

    @JsonProperty("input") public Path input = Path.of("data/sample/redsm5_sample.csv");
    @JsonProperty("methods") public Path methods = Path.of("conf/augment_methods.yaml");
    @JsonProperty("output_root") public Path outputRoot = Path.of("data/processed/augsets");

    @JsonProperty("text_col") public String textCol = "sentence_text";
    @JsonProperty("evidence_col") public String evidenceCol = "sentence_text";
    @JsonProperty("criterion_col") public String criterionCol = "DSM5_symptom";
    @JsonProperty("label_col") public String labelCol = "status";
    @JsonProperty("id_col") public String idCol = "sentence_id";

    @JsonProperty("variants_per_sample") public int variantsPerSample = 2;
    @JsonProperty("seed") public long seed = 42;
    @JsonProperty("quality_min_sim") public double qualityMinSim = 0.55;
    @JsonProperty("quality_max_sim") public double qualityMaxSim = 0.95;
    /** {@code singletons} or {@code pairs}. */
    @JsonProperty("combo_mode") public String comboMode = "singletons";
    /** Worker threads inside each shard (the worker's {@code --num-proc}). */
    @JsonProperty("num_proc") public int numProc = 1;
    /** {@code parquet}, {@code csv} or {@code jsonl}. */
    @JsonProperty("save_format") public String saveFormat = "parquet";

    @JsonProperty("log_dir") public Path logDir = Path.of("logs/augment");
    @JsonProperty("cache_dir") public Path cacheDir = Path.of("data/cache");

    /** Thread cap per shard (OMP_NUM_THREADS and friends); null means cores / concurrent shards. */
    @JsonProperty("threads_per_shard") public Integer threadsPerShard;
    /** Seconds between SIGTERM and SIGKILL when stopping shards. */
    @JsonProperty("grace_period") public double gracePeriod = 10;
    /** Restarts of a failed shard. */
    @JsonProperty("max_retries") public int maxRetries = 0;

    @JsonProperty("worker") public Worker worker = new Worker();
    @JsonProperty("merge") public Merge merge = new Merge();
    @JsonProperty("monitor") public Monitor monitor = new Monitor();
    @JsonProperty("slurm") public Slurm slurm = new Slurm();

    /** The worker command: an argv template, never run through a shell. */
    public static final class Worker {
        @JsonProperty("command") public List<String> command = new ArrayList<>(List.of(
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
                "--shard-index", "{shard}",
                "--num-shards", "{num_shards}",
                "--cache-db", "{cache}",
                "{force}"));
        /** JVM options for the built-in worker ({@value #BUILTIN_WORKER_TOKEN} expands with them). */
        @JsonProperty("java_opts") public List<String> javaOpts = new ArrayList<>(List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmx512m"));
        /** Extra environment variables for every shard. */
        @JsonProperty("env") public java.util.Map<String, String> env = new java.util.LinkedHashMap<>();
    }

    /** Settings of {@code augctl merge}. */
    public static final class Merge {
        @JsonProperty("output_name") public String outputName = "manifest_final.csv";
        /** The manifest column that names a combo (unique across shards). */
        @JsonProperty("key_column") public String keyColumn = "combo";
        /** The manifest column that counts a combo's rows. */
        @JsonProperty("rows_column") public String rowsColumn = "rows";
        /** The manifest column locating a combo's dataset (checked by {@code merge --verify}). */
        @JsonProperty("path_column") public String pathColumn = "path";
    }

    /** Settings of {@code augctl monitor}. */
    public static final class Monitor {
        @JsonProperty("patterns") public Path patterns = Path.of("conf/monitor.yaml");
        /** Seconds between refreshes with --follow. */
        @JsonProperty("interval") public double interval = 10;
        /** Seconds of silence after which a running shard counts as stalled. */
        @JsonProperty("stall_after") public double stallAfter = 600;
    }

    /** Settings of the Slurm executor; null means "leave it to the cluster's default". */
    public static final class Slurm {
        @JsonProperty("partition") public String partition;
        @JsonProperty("account") public String account;
        @JsonProperty("qos") public String qos;
        @JsonProperty("time") public String time;
        @JsonProperty("mem") public String mem;
        @JsonProperty("job_name") public String jobName = "augctl";
        @JsonProperty("extra_args") public List<String> extraArgs = new ArrayList<>();
        /** Seconds between scheduler polls while waiting. */
        @JsonProperty("poll_interval") public double pollInterval = 5;
    }
}
