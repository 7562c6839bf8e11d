package dev.augctl.launch;

import dev.augctl.common.AugctlException;
import dev.augctl.common.ShardPaths;
import dev.augctl.common.Suggest;
import dev.augctl.config.AugctlConfig;
import dev.augctl.config.ScheduleMode;
import dev.augctl.history.HistoryEntry;
import dev.augctl.history.HistoryFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The worker's argv template ({@code worker.command}) turned into each shard's exact argv.
 * Placeholders are replaced inside tokens; {@code {augctl}} becomes several tokens (this JVM and
 * jar); a token that is exactly {@code {force}} becomes {@code --force} or disappears.
 */
public final class WorkerTemplate {
    static final String FORCE_TOKEN = "{force}";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z0-9_]+)}");
    /** Placeholders that differ per shard; the others come from the configuration. */
    private static final List<String> PER_SHARD = List.of("shard", "num_shards", "cache", "log");

    private final List<String> template;
    private final Map<String, String> values;
    private final List<String> builtinWorker;
    private final boolean force;

    private WorkerTemplate(List<String> template, Map<String, String> values, List<String> builtinWorker, boolean force) {
        this.template = List.copyOf(template);
        this.values = values;
        this.builtinWorker = builtinWorker;
        this.force = force;
    }

    /**
     * Checks the template against the settings' values; an unknown placeholder is an error naming it
     * and the configuration file.
     */
    public static WorkerTemplate of(AugctlConfig config, Path configFile, boolean force, List<String> builtinWorker) {
        Map<String, String> values = configValues(config);
        for (String token : config.worker.command) {
            if (token.equals(AugctlConfig.BUILTIN_WORKER_TOKEN) || token.equals(FORCE_TOKEN)) {
                continue;
            }
            Matcher m = PLACEHOLDER.matcher(token);
            while (m.find()) {
                String name = m.group(1);
                if (!values.containsKey(name) && !PER_SHARD.contains(name)) {
                    throw unknown(name, token, configFile, values);
                }
            }
        }
        return new WorkerTemplate(config.worker.command, values, builtinWorker, force);
    }

    /** Whether the template mentions placeholder {@code name} (for example "input"). */
    public boolean uses(String name) {
        return template.stream().anyMatch(t -> t.contains("{" + name + "}"));
    }

    /**
     * The worker's name in the duration history: {@code augctl generate} for the built-in worker,
     * else the template's leading words (the program, and a script it runs) without their folders.
     */
    public String workerName() {
        if (usesBuiltinWorker()) {
            return HistoryEntry.BUILTIN_WORKER;
        }
        List<String> words = new ArrayList<>();
        for (String token : template) {
            if (token.startsWith("-") || token.contains("{") || words.size() == 2) {
                break;
            }
            words.add(Path.of(token).getFileName() == null ? token : Path.of(token).getFileName().toString());
        }
        return words.isEmpty() ? "worker" : String.join(" ", words);
    }

    /** Whether the template runs this augctl's built-in worker. */
    public boolean usesBuiltinWorker() {
        return template.contains(AugctlConfig.BUILTIN_WORKER_TOKEN);
    }

    /** The exact argv of shard {@code index} of {@code numShards}. */
    public List<String> argv(int index, int numShards, Path log, Path cache) {
        return argv(index, numShards, log, cache, List.of());
    }

    /**
     * The exact argv of shard {@code index} of {@code numShards}, with {@code jvmOptions} right after the
     * java executable of {@code {augctl}} (before {@code java_opts}).
     */
    public List<String> argv(int index, int numShards, Path log, Path cache, List<String> jvmOptions) {
        Map<String, String> all = new LinkedHashMap<>(values);
        all.put("shard", Integer.toString(index));
        all.put("num_shards", Integer.toString(numShards));
        all.put("log", log.toString());
        all.put("cache", cache.toString());
        List<String> argv = new ArrayList<>();
        for (String token : template) {
            if (token.equals(AugctlConfig.BUILTIN_WORKER_TOKEN)) {
                argv.add(builtinWorker.get(0));
                argv.addAll(jvmOptions);
                argv.addAll(builtinWorker.subList(1, builtinWorker.size()));
            } else if (token.equals(FORCE_TOKEN)) {
                if (force) {
                    argv.add("--force");
                }
            } else {
                argv.add(substitute(token, all));
            }
        }
        return argv;
    }

    private static String substitute(String token, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(token);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    private static AugctlException unknown(String name, String token, Path configFile, Map<String, String> values) {
        List<String> known = new ArrayList<>(values.keySet());
        known.addAll(PER_SHARD);
        known.add("force");
        known.add("augctl");
        String hint = name.equals("force") || name.equals("augctl")
                ? " ({" + name + "} must be a token by itself)"
                : nearest(name, known);
        return AugctlException.badInput(configFile + ": worker.command: unknown placeholder {" + name + "} in '"
                + token + "'" + hint);
    }

    private static String nearest(String name, List<String> known) {
        String near = Suggest.nearest(name, known);
        return near != null ? " (did you mean {" + near + "}?)" : " (known: {" + String.join("} {", known) + "})";
    }

    /** The values of the configuration placeholders, as the worker receives them. */
    static Map<String, String> configValues(AugctlConfig c) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("input", c.input.toString());
        v.put("methods", c.methods.toString());
        v.put("output_root", c.outputRoot.toString());
        v.put("text_col", c.textCol);
        v.put("evidence_col", c.evidenceCol);
        v.put("criterion_col", c.criterionCol);
        v.put("label_col", c.labelCol);
        v.put("id_col", c.idCol);
        v.put("variants_per_sample", Integer.toString(c.variantsPerSample));
        v.put("seed", Long.toString(c.seed));
        v.put("quality_min_sim", plain(c.qualityMinSim));
        v.put("quality_max_sim", plain(c.qualityMaxSim));
        v.put("combo_mode", c.comboMode.id());
        v.put("num_proc", Integer.toString(c.numProc));
        v.put("save_format", c.saveFormat.id());
        v.put("max_text_chars", Integer.toString(c.maxTextChars));
        v.put("schedule", (c.schedule != null ? c.schedule : ScheduleMode.DYNAMIC).id());
        v.put("history", HistoryFile.in(c.logDir).path().toString());
        v.put("input_table", ShardPaths.inputTable(c.logDir).toString());
        return v;
    }

    /** 0.55 as "0.55", 1.0 as "1.0": never scientific notation. */
    private static String plain(double d) {
        return java.math.BigDecimal.valueOf(d).toPlainString();
    }
}
