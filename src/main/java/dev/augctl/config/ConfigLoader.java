package dev.augctl.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.augctl.common.AugctlException;
import dev.augctl.common.Suggest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

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
        AugctlConfig config;
        try {
            if (Files.size(file) == 0 || Files.readString(file).isBlank()) {
                config = new AugctlConfig();
            } else {
                config = mapper().readValue(file.toFile(), AugctlConfig.class);
                if (config == null) {
                    config = new AugctlConfig();
                }
            }
        } catch (NoSuchFileException e) {
            throw AugctlException.badInput("config file not found: " + file);
        } catch (JsonProcessingException e) {
            throw AugctlException.badInput(describe(file, e), e);
        } catch (IOException e) {
            throw AugctlException.badInput("cannot read config file " + file + ": " + e.getMessage(), e);
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
        if (c.worker == null || c.worker.command == null || c.worker.command.isEmpty()) {
            errors.add("worker.command must be a non-empty list");
        }
        if (c.merge == null || c.monitor == null || c.slurm == null) {
            errors.add("merge, monitor and slurm must be mappings when given");
        }
        if (c.slurm != null && !(c.slurm.pollInterval > 0)) {
            errors.add("slurm.poll_interval must be > 0 seconds, got " + c.slurm.pollInterval);
        }
        if (c.merge != null) {
            checkName(errors, "merge.output_name", c.merge.outputName);
            checkName(errors, "merge.key_column", c.merge.keyColumn);
            checkName(errors, "merge.rows_column", c.merge.rowsColumn);
            checkName(errors, "merge.path_column", c.merge.pathColumn);
        }
        if (!errors.isEmpty()) {
            throw AugctlException.badInput(file + ": " + errors.get(0));
        }
        return c;
    }

    private static void checkName(List<String> errors, String key, String value) {
        if (value == null || value.isBlank()) {
            errors.add(key + " must be a non-empty string");
        }
    }

    private static ObjectMapper mapper() {
        return YAMLMapper.builder(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(com.fasterxml.jackson.databind.MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .build();
    }

    private static String describe(Path file, JsonProcessingException e) {
        String where = file + where(e.getLocation());
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds().stream().map(Object::toString)
                    .sorted().collect(Collectors.toList());
            String key = keyPath(u.getPath(), u.getPropertyName());
            String nearest = Suggest.nearest(u.getPropertyName(), known);
            return where + ": unknown key '" + key + "'"
                    + (nearest != null ? " (did you mean '" + nearest + "'?)" : " (valid keys: " + String.join(", ", known) + ")");
        }
        if (e instanceof InvalidFormatException f) {
            return where + ": key '" + keyPath(f.getPath(), null) + "' has invalid value '" + f.getValue()
                    + "' (expected " + typeName(f.getTargetType()) + ")";
        }
        if (e instanceof MismatchedInputException m) {
            return where + ": key '" + keyPath(m.getPath(), null) + "' has invalid value " + currentValue(file, m)
                    + "(expected " + typeName(m.getTargetType()) + ")";
        }
        return where + ": invalid YAML: " + e.getOriginalMessage();
    }

    /** The offending value, quoted, found by walking the error's key path in the file; "" if not a scalar. */
    private static String currentValue(Path file, MismatchedInputException e) {
        try {
            com.fasterxml.jackson.databind.JsonNode node = mapper().readTree(file.toFile());
            for (JsonMappingException.Reference ref : e.getPath()) {
                node = ref.getFieldName() != null ? node.path(ref.getFieldName()) : node.path(ref.getIndex());
            }
            return node.isValueNode() && !node.isMissingNode() ? "'" + node.asText() + "' " : "";
        } catch (IOException | RuntimeException ignored) {
            return ""; // the message still names the key and the expected type
        }
    }

    private static String where(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return ": line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private static String keyPath(List<JsonMappingException.Reference> path, String last) {
        List<String> parts = new ArrayList<>();
        for (JsonMappingException.Reference ref : path) {
            parts.add(ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        if (last != null && (parts.isEmpty() || !parts.get(parts.size() - 1).equals(last))) {
            parts.add(last);
        }
        return String.join(".", parts).replace(".[", "[");
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (type == String.class || type == Path.class) {
            return "a string";
        }
        return "a mapping";
    }
}
