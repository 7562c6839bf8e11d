package dev.augctl.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augctl.common.Json;
import dev.augctl.generate.augment.MethodSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything a combo's dataset depends on : its methods
 * with their parameters, the seed, K, the similarity bounds, the attempts per variant, the columns,
 * the save format, the dataset layout and the input's SHA-256. They are stored at the top level of meta.json; a complete
 * combo is reused only when all of them are equal.
 */
public final class ComboParameters {
    /**
     * The layout of the dataset files: 2 since input columns are typed (int64, double, boolean,
     * string, nulls). A dataset written by an older layout is recomputed on the next run.
     */
    static final int DATASET_SCHEMA = 2;

    private ComboParameters() {
    }

    public static ObjectNode of(Combo combo, GenerateSettings s, String inputSha256) {
        ObjectNode p = Json.mapper().createObjectNode();
        ArrayNode methods = p.putArray("methods");
        for (MethodSpec m : combo.methods()) {
            ObjectNode o = methods.addObject();
            o.put("name", m.name());
            o.put("type", m.type());
            o.set("params", Json.mapper().valueToTree(new TreeMap<>(m.params())));
        }
        p.put("seed", s.seed());
        p.put("variants_per_sample", s.variantsPerSample());
        p.put("quality_min_sim", s.minSimilarity());
        p.put("quality_max_sim", s.maxSimilarity());
        p.put("max_attempts", VariantGenerator.MAX_ATTEMPTS);
        p.put("max_text_chars", s.maxTextChars());
        ObjectNode cols = p.putObject("columns");
        cols.put("text", s.columns().text());
        cols.put("evidence", s.columns().evidence());
        cols.put("criterion", s.columns().criterion());
        cols.put("label", s.columns().label());
        cols.put("id", s.columns().id());
        p.put("save_format", s.saveFormat().id());
        p.put("dataset_schema", DATASET_SCHEMA);
        p.put("input_sha256", inputSha256);
        // Round-trip through JSON text so that values compare equal to those read back from meta.json
        // (a long seed is read back as an int node, for example).
        try {
            return (ObjectNode) Json.mapper().readTree(Json.mapper().writeValueAsString(p));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The names of the parameters whose value in {@code previous} (an old meta.json) differs. */
    public static List<String> differences(JsonNode previous, ObjectNode current) {
        List<String> changed = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = current.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().equals(previous.get(e.getKey()))) {
                changed.add(e.getKey());
            }
        }
        return changed;
    }
}
