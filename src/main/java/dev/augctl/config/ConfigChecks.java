package dev.augctl.config;

import dev.augctl.gpu.GpuAssignment;
import dev.augctl.gpu.GpuList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules the values of a configuration must satisfy, written once: for the config file, for
 * launch's flags (written into the configuration before it is checked) and for the worker's flags.
 * A caller names the key its own way: the file names it by key, a command by its flag.
 */
public final class ConfigChecks {
    /**
     * A broken rule: the key it is about and what is wrong ("must be at least 1, got 0"); another
     * key the message mentions is written {@code {key}}.
     */
    public record Problem(String key, String message) {
        /** The message with every setting named by {@code nameOf} (its key, or the flag that set it). */
        public String describe(Function<String, String> nameOf) {
            Matcher m = OTHER_KEY.matcher(message);
            StringBuilder text = new StringBuilder(nameOf.apply(key)).append(' ');
            while (m.find()) {
                m.appendReplacement(text, Matcher.quoteReplacement(nameOf.apply(m.group(1))));
            }
            return m.appendTail(text).toString();
        }
    }

    private static final Pattern OTHER_KEY = Pattern.compile("\\{([a-z_.]+)}");

    private ConfigChecks() {
    }

    /** The command-line flag of a key: every flag is its key in kebab case ({@code num_shards} is {@code --num-shards}). */
    public static String flag(String key) {
        return "--" + key.replace('_', '-');
    }

    /** The first broken rule, in the order of the configuration reference, or empty. */
    public static Optional<Problem> first(AugctlConfig c) {
        List<Problem> p = new ArrayList<>();
        atLeast(p, "num_shards", c.numShards, 1);
        if (c.jobs != null) {
            atLeast(p, "jobs", c.jobs, 1);
        }
        atLeast(p, "variants_per_sample", c.variantsPerSample, 1);
        atLeast(p, "num_proc", c.numProc, 1);
        atLeast(p, "max_text_chars", c.maxTextChars, 0);
        fraction(p, "quality_min_sim", c.qualityMinSim);
        fraction(p, "quality_max_sim", c.qualityMaxSim);
        if (c.qualityMinSim > c.qualityMaxSim) {
            p.add(new Problem("quality_min_sim", "(" + c.qualityMinSim + ") must not exceed {quality_max_sim} ("
                    + c.qualityMaxSim + ")"));
        }
        if (c.threadsPerShard != null) {
            atLeast(p, "threads_per_shard", c.threadsPerShard, 1);
        }
        if (!(c.gracePeriod >= 0)) {
            p.add(new Problem("grace_period", "must be >= 0 seconds, got " + c.gracePeriod));
        }
        if (c.nice < 0 || c.nice > 19) {
            p.add(new Problem("nice", "must be in 0..19, got " + c.nice));
        }
        if (c.maxRetries < 0) {
            p.add(new Problem("max_retries", "must be >= 0, got " + c.maxRetries));
        }
        gpus(p, c);
        if (c.worker.command.isEmpty()) {
            p.add(new Problem("worker.command", "must be a non-empty list"));
        }
        if (!(c.slurm.pollInterval > 0)) {
            p.add(new Problem("slurm.poll_interval", "must be > 0 seconds, got " + c.slurm.pollInterval));
        }
        nonBlank(p, "merge.output_name", c.merge.outputName);
        nonBlank(p, "merge.key_column", c.merge.keyColumn);
        nonBlank(p, "merge.rows_column", c.merge.rowsColumn);
        nonBlank(p, "merge.path_column", c.merge.pathColumn);
        return p.stream().findFirst();
    }

    private static void gpus(List<Problem> p, AugctlConfig c) {
        GpuList list;
        try {
            list = GpuList.parse(c.gpus);
        } catch (IllegalArgumentException e) {
            p.add(new Problem("gpus", e.getMessage()));
            return;
        }
        atLeast(p, "gpus_per_shard", c.gpusPerShard, 1);
        if (c.gpusPerShard > 1 && list.none()) {
            p.add(new Problem("gpus_per_shard", "(" + c.gpusPerShard + ") is set but {gpus} is none"));
        } else if (!list.none() && !list.all() && list.ids().size() < c.gpusPerShard) {
            p.add(new Problem("gpus_per_shard", "(" + c.gpusPerShard + ") needs at least as many GPUs, but {gpus} lists "
                    + list.ids().size()));
        }
        if (!list.none() && c.worker.env.containsKey(GpuAssignment.VARIABLE)) {
            p.add(new Problem("worker.env", "sets " + GpuAssignment.VARIABLE + " while {gpus} is " + list
                    + ": set one of them"));
        }
    }

    private static void atLeast(List<Problem> p, String key, long value, long min) {
        if (value < min) {
            p.add(new Problem(key, "must be at least " + min + ", got " + value));
        }
    }

    private static void fraction(List<Problem> p, String key, double value) {
        if (!(value >= 0 && value <= 1)) {
            p.add(new Problem(key, "must be in [0, 1], got " + value));
        }
    }

    private static void nonBlank(List<Problem> p, String key, String value) {
        if (value.isBlank()) {
            p.add(new Problem(key, "must be a non-empty string"));
        }
    }
}
