package dev.augctl.generate.augment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.augctl.common.AugctlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads the methods file (temporary minimal version): a list under {@code methods:} of entries
 * {@code name}, {@code type} (default: the name), {@code enabled} (default true) and {@code params}.
 */
public final class MethodsFile {
    private MethodsFile() {
    }

    /** Every entry of the file in file order, params with defaults, validated (exit 2 on bad input). */
    public static List<MethodSpec> load(Path methodsYaml) {
        if (!Files.isRegularFile(methodsYaml)) {
            throw AugctlException.badInput("methods file not found: " + methodsYaml);
        }
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(methodsYaml.toFile());
        } catch (IOException e) {
            throw AugctlException.badInput("cannot parse methods file " + methodsYaml + ": "
                    + e.getMessage().lines().findFirst().orElse(""), e);
        }
        JsonNode list = root == null ? null : root.get("methods");
        if (list == null || !list.isArray()) {
            throw AugctlException.badInput(methodsYaml + ": expected a list under 'methods:'");
        }
        List<MethodSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (JsonNode entry : list) {
            String name = entry.path("name").asText("");
            if (name.isEmpty()) {
                throw AugctlException.badInput(methodsYaml + ": method #" + (specs.size() + 1) + " has no name");
            }
            if (!names.add(name)) {
                throw AugctlException.badInput(methodsYaml + ": duplicate method name '" + name + "'");
            }
            String type = entry.path("type").asText(name);
            if (!AugmenterFactory.TYPES.contains(type)) {
                throw AugctlException.badInput(methodsYaml + ": method '" + name + "' has unknown type '" + type
                        + "' (known: " + String.join(", ", AugmenterFactory.TYPES) + ")");
            }
            Map<String, Object> params = new TreeMap<>();
            params.put("aug_p", 0.1);
            JsonNode given = entry.path("params");
            for (Iterator<Map.Entry<String, JsonNode>> it = given.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> p = it.next();
                if (!p.getKey().equals("aug_p")) {
                    throw AugctlException.badInput(methodsYaml + ": method '" + name + "' has unknown parameter '"
                            + p.getKey() + "' (known: aug_p)");
                }
                double v = p.getValue().asDouble(-1);
                if (!p.getValue().isNumber() || v <= 0 || v > 1) {
                    throw AugctlException.badInput(methodsYaml + ": method '" + name + "': aug_p must be in (0, 1], got "
                            + p.getValue());
                }
                params.put("aug_p", v);
            }
            specs.add(new MethodSpec(name, type, Map.copyOf(params), entry.path("enabled").asBoolean(true)));
        }
        return specs;
    }
}
