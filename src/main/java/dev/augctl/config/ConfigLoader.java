package dev.augctl.config;

import dev.augctl.common.AugctlException;
import dev.augctl.common.YamlNodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code conf/augctl.yaml} strictly: an unknown key names the nearest valid one, a wrong type
 * names the key and the value, and every message names the file and line.
 */
public final class ConfigLoader {
    /** The config file used when {@code --config} is not given. */
    public static final Path DEFAULT_PATH = Path.of("conf/augctl.yaml");

    private ConfigLoader() {
    }

    /**
     * Loads the configuration. A missing file is an error when it was asked for explicitly; the
     * default file may be absent, and then the built-in defaults apply.
     */
    public static AugctlConfig load(Path file, boolean explicit) {
        if (file == null) {
            file = DEFAULT_PATH;
        }
        if (!Files.exists(file)) {
            if (explicit) {
                throw AugctlException.badInput("config file not found: " + file);
            }
            return validate(new AugctlConfig(), file);
        }
        Node root = YamlNodes.read(file);
        AugctlConfig config = new AugctlConfig();
        if (root != null && !YamlNodes.isNull(root)) {
            new YamlBinder(file).bind(root, config, "");
        }
        return validate(config, file);
    }

    /** Checks values whose type is right but whose value is not, naming the key and the file. */
    public static AugctlConfig validate(AugctlConfig c, Path file) {
        List<String> errors = new ArrayList<>();
        if (c.numShards < 1) {
            errors.add("num_shards must be at least 1, got " + c.numShards);
        }
        if (c.jobs != null && c.jobs < 1) {
            errors.add("jobs must be at least 1, got " + c.jobs);
        }
        if (!List.of("local", "slurm").contains(c.executor)) {
            errors.add("executor must be local or slurm, got '" + c.executor + "'");
        }
        if (!List.of("singletons", "pairs").contains(c.comboMode)) {
            errors.add("combo_mode must be singletons or pairs, got '" + c.comboMode + "'");
        }
        if (!List.of("parquet", "csv", "jsonl").contains(c.saveFormat)) {
            errors.add("save_format must be parquet, csv or jsonl, got '" + c.saveFormat + "'");
        }
        if (c.variantsPerSample < 1) {
            errors.add("variants_per_sample must be at least 1, got " + c.variantsPerSample);
        }
        if (c.numProc < 1) {
            errors.add("num_proc must be at least 1, got " + c.numProc);
        }
        if (c.qualityMinSim < 0 || c.qualityMaxSim > 1 || c.qualityMinSim > c.qualityMaxSim) {
            errors.add("quality_min_sim and quality_max_sim must satisfy 0 <= min <= max <= 1, got "
                    + c.qualityMinSim + " and " + c.qualityMaxSim);
        }
        if (c.threadsPerShard != null && c.threadsPerShard < 1) {
            errors.add("threads_per_shard must be at least 1, got " + c.threadsPerShard);
        }
        if (c.gracePeriod < 0) {
            errors.add("grace_period must be >= 0 seconds, got " + c.gracePeriod);
        }
        if (c.maxRetries < 0) {
            errors.add("max_retries must be >= 0, got " + c.maxRetries);
        }
        if (c.worker.command.isEmpty()) {
            errors.add("worker.command must be a non-empty list");
        }
        if (!(c.slurm.pollInterval > 0)) {
            errors.add("slurm.poll_interval must be > 0 seconds, got " + c.slurm.pollInterval);
        }
        checkName(errors, "merge.output_name", c.merge.outputName);
        checkName(errors, "merge.key_column", c.merge.keyColumn);
        checkName(errors, "merge.rows_column", c.merge.rowsColumn);
        checkName(errors, "merge.path_column", c.merge.pathColumn);
        if (!errors.isEmpty()) {
            throw AugctlException.badInput(file + ": " + errors.get(0));
        }
        return c;
    }

    private static void checkName(List<String> errors, String key, String value) {
        if (value.isBlank()) {
            errors.add(key + " must be a non-empty string");
        }
    }
}
