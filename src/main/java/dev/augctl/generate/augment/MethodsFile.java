package dev.augctl.generate.augment;

import dev.augctl.common.AugctlException;
import dev.augctl.common.Suggest;
import dev.augctl.common.YamlNodes;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads {@code conf/augment_methods.yaml}: an ordered list of methods ({@code name}, {@code type},
 * {@code params}, {@code enabled}) under a {@code methods:} key. Every entry is validated against
 * its type's parameters; errors name the file, the line, the method and the key (exit 2).
 */
public final class MethodsFile {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final List<String> ENTRY_KEYS = List.of("name", "type", "params", "enabled");
    private static final String[][] MIN_MAX = {
        {"aug_min", "aug_max"}, {"aug_char_min", "aug_char_max"}, {"aug_word_min", "aug_word_max"}};

    private MethodsFile() {
    }

    /** All entries in file order (disabled ones too), parameters resolved with defaults. */
    public static List<MethodSpec> load(Path methodsYaml) {
        Node root = parse(methodsYaml);
        SequenceNode list = methodList(methodsYaml, root);
        Path baseDir = methodsYaml.toAbsolutePath().getParent();
        List<MethodSpec> out = new ArrayList<>();
        Map<String, Integer> lines = new HashMap<>();
        int index = 0;
        for (Node entry : list.getValue()) {
            index++;
            MethodSpec spec = new Entry(methodsYaml, baseDir, entry, index).read();
            Integer first = lines.putIfAbsent(spec.name(), YamlNodes.line(entry));
            if (first != null) {
                throw AugctlException.badInput(methodsYaml + ":" + YamlNodes.line(entry) + ": method '" + spec.name()
                        + "': duplicate name (first defined on line " + first + "); names must be unique");
            }
            out.add(spec);
        }
        return Collections.unmodifiableList(out);
    }

    private static Node parse(Path file) {
        if (!Files.isRegularFile(file)) {
            throw AugctlException.badInput("methods file not found: " + file);
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return YamlNodes.compose(r);
        } catch (MarkedYAMLException e) {
            String where = e.getProblemMark() != null
                    ? ":" + (e.getProblemMark().getLine() + 1) + ":" + (e.getProblemMark().getColumn() + 1) : "";
            throw AugctlException.badInput(file + where + ": invalid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw AugctlException.badInput(file + ": invalid YAML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw AugctlException.badInput("cannot read methods file " + file + ": " + e.getMessage(), e);
        }
    }

    private static SequenceNode methodList(Path file, Node root) {
        if (root instanceof SequenceNode s) {
            return nonEmpty(file, s);
        }
        if (root instanceof MappingNode m) {
            Node methods = null;
            for (NodeTuple t : m.getValue()) {
                String key = YamlNodes.scalar(t.getKeyNode());
                if (!"methods".equals(key)) {
                    String near = Suggest.nearest(String.valueOf(key), List.of("methods"));
                    throw AugctlException.badInput(file + ":" + YamlNodes.line(t.getKeyNode()) + ": unknown key '" + key + "'"
                            + (near != null ? " (did you mean 'methods'?)" : " (expected 'methods')"));
                }
                methods = t.getValueNode();
            }
            if (methods instanceof SequenceNode s) {
                return nonEmpty(file, s);
            }
            if (methods != null && !YamlNodes.isNull(methods)) {
                throw AugctlException.badInput(file + ":" + YamlNodes.line(methods) + ": 'methods' must be a list of methods");
            }
        }
        throw AugctlException.badInput(file + ": no methods defined (expected a 'methods:' list of entries with "
                + "name, type and params)");
    }

    private static SequenceNode nonEmpty(Path file, SequenceNode s) {
        if (s.getValue().isEmpty()) {
            throw AugctlException.badInput(file + ":" + YamlNodes.line(s) + ": the 'methods' list is empty");
        }
        return s;
    }

    /** One entry of the list, validated. */
    private static final class Entry {
        private final Path file;
        private final Path baseDir;
        private final Node node;
        private final int index;
        private String name;
        private Node typeNode;

        Entry(Path file, Path baseDir, Node node, int index) {
            this.file = file;
            this.baseDir = baseDir;
            this.node = node;
            this.index = index;
        }

        MethodSpec read() {
            if (!(node instanceof MappingNode map)) {
                throw fail(node, "each method must be a mapping with name, type and params");
            }
            Map<String, NodeTuple> keys = new HashMap<>();
            for (NodeTuple t : map.getValue()) {
                String key = YamlNodes.scalar(t.getKeyNode());
                if (key == null || !ENTRY_KEYS.contains(key)) {
                    String near = key == null ? null : Suggest.nearest(key, ENTRY_KEYS);
                    throw fail(t.getKeyNode(), "unknown key '" + key + "'"
                            + (near != null ? " (did you mean '" + near + "'?)" : " (valid keys: name, type, params, enabled)"));
                }
                if (keys.put(key, t) != null) {
                    throw fail(t.getKeyNode(), "duplicate key '" + key + "'");
                }
            }
            name = readName(keys.get("name"));
            MethodType type = readType(keys.get("type"));
            boolean enabled = true;
            if (keys.containsKey("enabled")) {
                Node v = keys.get("enabled").getValueNode();
                Boolean b = bool(v);
                if (b == null) {
                    throw fail(v, "key 'enabled' must be true or false, got '" + text(v) + "'");
                }
                enabled = b;
            }
            Map<String, Object> params = readParams(type, keys.get("params"));
            return new MethodSpec(name, type.name(), Collections.unmodifiableMap(params), enabled);
        }

        private String readName(NodeTuple t) {
            if (t == null) {
                throw fail(node, "missing key 'name'");
            }
            String v = YamlNodes.scalar(t.getValueNode());
            if (v == null || YamlNodes.isNull(t.getValueNode()) || !NAME.matcher(v).matches()) {
                throw fail(t.getValueNode(), "key 'name' must match [A-Za-z0-9_-]+ (it becomes a directory name; "
                        + "'+' joins the names of a pair), got '" + text(t.getValueNode()) + "'");
            }
            return v;
        }

        private MethodType readType(NodeTuple t) {
            if (t == null) {
                throw fail(node, "missing key 'type' (one of " + String.join(", ", MethodTypes.names()) + ")");
            }
            typeNode = t.getValueNode();
            String v = YamlNodes.scalar(typeNode);
            MethodType type = v == null ? null : MethodTypes.get(v);
            if (type == null) {
                String near = v == null ? null : Suggest.nearest(v, MethodTypes.names());
                throw fail(t.getValueNode(), "unknown type '" + text(t.getValueNode()) + "' for key 'type'"
                        + (near != null ? " (did you mean '" + near + "'?)"
                        : " (known types: " + String.join(", ", MethodTypes.names()) + ")"));
            }
            return type;
        }

        private Map<String, Object> readParams(MethodType type, NodeTuple t) {
            Map<String, Object> out = new TreeMap<>();
            Map<String, Node> where = new HashMap<>();
            if (t != null && !YamlNodes.isNull(t.getValueNode())) {
                if (!(t.getValueNode() instanceof MappingNode map)) {
                    throw fail(t.getValueNode(), "key 'params' must be a mapping of parameter names to values");
                }
                for (NodeTuple p : map.getValue()) {
                    String key = YamlNodes.scalar(p.getKeyNode());
                    ParamDef def = key == null ? null : type.param(key);
                    if (def == null) {
                        String near = key == null ? null : Suggest.nearest(key, type.paramNames());
                        throw fail(p.getKeyNode(), "unknown parameter '" + key + "' for type " + type.name()
                                + (near != null ? " (did you mean '" + near + "'?)"
                                : " (valid: " + String.join(", ", type.paramNames()) + ")"));
                    }
                    if (out.containsKey(key)) {
                        throw fail(p.getKeyNode(), "duplicate parameter '" + key + "'");
                    }
                    out.put(key, convert(def, p.getValueNode()));
                    where.put(key, p.getKeyNode());
                }
            }
            for (ParamDef def : type.params()) {
                if (!out.containsKey(def.name())) {
                    out.put(def.name(), def.defaultValue());
                    if (def.kind() == ParamDef.Kind.PATH) {
                        checkFile(def, (String) def.defaultValue(), t != null ? t.getKeyNode() : typeNode);
                    }
                }
            }
            crossCheck(type, out, where);
            return out;
        }

        private Object convert(ParamDef def, Node v) {
            String key = def.name();
            if (YamlNodes.isNull(v)) {
                throw fail(v, "parameter '" + key + "' has no value (expected " + def.kind().expected + ")");
            }
            Object value = switch (def.kind()) {
                case INT -> integer(v);
                case DOUBLE -> number(v);
                case BOOL -> bool(v);
                case STRING, PATH -> v instanceof ScalarNode s && s.getTag().equals(Tag.STR) && !s.getValue().isBlank()
                        ? s.getValue() : null;
                case STRING_LIST -> strings(v);
            };
            if (value == null) {
                throw fail(v, "parameter '" + key + "' must be " + def.kind().expected + ", got " + shown(v));
            }
            if (def.numeric() && !def.inRange(((Number) value).doubleValue())) {
                throw fail(v, "parameter '" + key + "' must be in " + def.range() + ", got " + text(v));
            }
            if (def.kind() == ParamDef.Kind.PATH) {
                checkFile(def, (String) value, v);
            }
            return value;
        }

        private void checkFile(ParamDef def, String value, Node at) {
            Path p = baseDir.resolve(value).normalize();
            if (!Files.isRegularFile(p)) {
                throw fail(at, "parameter '" + def.name() + "': file not found: " + p
                        + " (relative paths resolve against the methods file's directory)");
            }
        }

        private void crossCheck(MethodType type, Map<String, Object> params, Map<String, Node> where) {
            for (String[] mm : MIN_MAX) {
                if (params.get(mm[0]) instanceof Integer lo && params.get(mm[1]) instanceof Integer hi && lo > hi) {
                    Node at = where.getOrDefault(mm[0], where.getOrDefault(mm[1], node));
                    throw fail(at, "parameter '" + mm[0] + "' (" + lo + ") must not exceed '" + mm[1] + "' (" + hi + ")");
                }
            }
            if (type.name().equals("eda")) {
                double sum = 0;
                for (String k : List.of("alpha_sr", "alpha_ri", "alpha_rs", "p_rd")) {
                    sum += (Double) params.get(k);
                }
                if (sum == 0) {
                    throw fail(where.getOrDefault("alpha_sr", node),
                            "parameter 'alpha_sr', 'alpha_ri', 'alpha_rs' or 'p_rd' must be above 0");
                }
            }
        }

        private AugctlException fail(Node at, String message) {
            String who = name != null ? "method '" + name + "'" : "method #" + index;
            return AugctlException.badInput(file + ":" + YamlNodes.line(at) + ": " + who + ": " + message);
        }
    }

    private static Integer integer(Node v) {
        if (v instanceof ScalarNode s && s.getTag().equals(Tag.INT)) {
            try {
                return Math.toIntExact(Long.decode(s.getValue().replace("_", "")));
            } catch (NumberFormatException | ArithmeticException e) {
                return null;
            }
        }
        return null;
    }

    private static Double number(Node v) {
        if (v instanceof ScalarNode s && (s.getTag().equals(Tag.INT) || s.getTag().equals(Tag.FLOAT))) {
            try {
                double d = Double.parseDouble(s.getValue().replace("_", ""));
                return Double.isFinite(d) ? d : null;
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Boolean bool(Node v) {
        if (v instanceof ScalarNode s && s.getTag().equals(Tag.BOOL)) {
            String t = s.getValue().toLowerCase(java.util.Locale.ROOT);
            return t.equals("true") || t.equals("yes") || t.equals("on") || t.equals("y");
        }
        return null;
    }

    private static List<String> strings(Node v) {
        if (!(v instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
            return null;
        }
        List<String> out = new ArrayList<>();
        for (Node item : seq.getValue()) {
            if (!(item instanceof ScalarNode s) || YamlNodes.isNull(s) || s.getValue().isEmpty()) {
                return null;
            }
            out.add(s.getValue());
        }
        return List.copyOf(out);
    }

    private static String text(Node v) {
        return v instanceof ScalarNode s ? s.getValue() : v instanceof SequenceNode ? "a list" : "a mapping";
    }

    private static String shown(Node v) {
        return v instanceof ScalarNode s ? "'" + s.getValue() + "'" : text(v);
    }
}
