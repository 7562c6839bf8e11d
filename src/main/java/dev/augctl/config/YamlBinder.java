package dev.augctl.config;

import dev.augctl.common.AugctlException;
import dev.augctl.common.Suggest;
import dev.augctl.common.YamlNodes;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Sets the public fields of a settings object from a YAML mapping, strictly: each key is the
 * field's {@link Key}; an unknown or repeated key, a value of the wrong type or a
 * missing value is an error naming the file, line, column, key path and value. Keys that are not
 * in the file keep the field's initial value (the default). Field types: int, long, double,
 * boolean (boxed: may be null when the default is null), String, Path, an enum (by its
 * {@code toString()}), List&lt;String&gt;,
 * Map&lt;String, String&gt;, and nested settings classes bound the same way.
 */
final class YamlBinder {
    private static final Pattern INTEGER = Pattern.compile("[-+]?[0-9][0-9_]*");
    private static final Set<String> TRUE = Set.of("true", "yes", "on");
    private static final Set<String> FALSE = Set.of("false", "no", "off");

    private final Path file;

    YamlBinder(Path file) {
        this.file = file;
    }

    /** Binds {@code node} (a mapping) onto {@code target}, whose name in messages is {@code path} ("" at the root). */
    void bind(Node node, Object target, String path) {
        if (!(node instanceof MappingNode map)) {
            throw error(node, path.isEmpty()
                    ? "expected a mapping of settings (key: value), found " + describe(node)
                    : "key '" + path + "' has invalid value " + describe(node) + " (expected a mapping)");
        }
        Map<String, Field> fields = fields(target.getClass());
        Map<String, Integer> seen = new HashMap<>();
        for (NodeTuple t : map.getValue()) {
            String key = YamlNodes.scalar(t.getKeyNode());
            String keyPath = path.isEmpty() ? String.valueOf(key) : path + "." + key;
            Field field = key == null ? null : fields.get(key);
            if (field == null) {
                List<String> known = fields.keySet().stream().sorted().toList();
                String nearest = key == null ? null : Suggest.nearest(key, known);
                throw error(t.getKeyNode(), "unknown key '" + keyPath + "'" + (nearest != null
                        ? " (did you mean '" + nearest + "'?)" : " (valid keys: " + String.join(", ", known) + ")"));
            }
            Integer first = seen.putIfAbsent(key, YamlNodes.line(t.getKeyNode()));
            if (first != null) {
                throw error(t.getKeyNode(), "key '" + keyPath + "' is given twice (first on line " + first + ")");
            }
            set(field, target, t.getValueNode(), keyPath);
        }
    }

    private void set(Field field, Object target, Node value, String keyPath) {
        try {
            Object current = field.get(target);
            if (YamlNodes.isNull(value)) {
                if (field.getType().isPrimitive() || current != null) {
                    throw error(value, "key '" + keyPath + "' has no value (expected " + expected(field.getGenericType()) + ")");
                }
                return; // an optional setting left unset
            }
            if (isSettings(field.getType())) {
                Object nested = current != null ? current : field.getType().getDeclaredConstructor().newInstance();
                bind(value, nested, keyPath);
                field.set(target, nested);
            } else {
                field.set(target, convert(field.getGenericType(), value, keyPath));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot set " + field, e);
        }
    }

    private Object convert(Type type, Node value, String keyPath) {
        if (type instanceof ParameterizedType p && p.getRawType() == List.class && p.getActualTypeArguments()[0] == String.class) {
            if (!(value instanceof SequenceNode seq)) {
                throw invalid(value, keyPath, type);
            }
            List<String> items = new ArrayList<>();
            for (int i = 0; i < seq.getValue().size(); i++) {
                items.add((String) convert(String.class, seq.getValue().get(i), keyPath + "[" + i + "]"));
            }
            return items;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == Map.class
                && p.getActualTypeArguments()[0] == String.class && p.getActualTypeArguments()[1] == String.class) {
            if (!(value instanceof MappingNode map)) {
                throw invalid(value, keyPath, type);
            }
            Map<String, String> entries = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                String key = (String) convert(String.class, t.getKeyNode(), keyPath);
                if (entries.put(key, (String) convert(String.class, t.getValueNode(), keyPath + "." + key)) != null) {
                    throw error(t.getKeyNode(), "key '" + keyPath + "." + key + "' is given twice");
                }
            }
            return entries;
        }
        if (!(value instanceof ScalarNode scalar) || YamlNodes.isNull(value)) {
            throw invalid(value, keyPath, type);
        }
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        if (type == String.class) {
            return text;
        }
        if (type == Path.class) {
            try {
                return Path.of(text);
            } catch (InvalidPathException e) {
                throw error(value, "key '" + keyPath + "' is not a valid path: " + e.getReason());
            }
        }
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            if (!tag.equals(Tag.INT) || !INTEGER.matcher(text).matches()) {
                throw invalid(value, keyPath, type);
            }
            try {
                long v = Long.parseLong(text.replace("_", ""));
                if ((type == int.class || type == Integer.class) && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
                    throw invalid(value, keyPath, type);
                }
                return type == long.class || type == Long.class ? (Object) v : (Object) (int) v;
            } catch (NumberFormatException e) {
                throw invalid(value, keyPath, type);
            }
        }
        if (type == double.class || type == Double.class) {
            if (!(tag.equals(Tag.INT) || tag.equals(Tag.FLOAT))) {
                throw invalid(value, keyPath, type);
            }
            try {
                double v = Double.parseDouble(text.replace("_", ""));
                if (!Double.isFinite(v)) {
                    throw invalid(value, keyPath, type);
                }
                return v;
            } catch (NumberFormatException e) {
                throw invalid(value, keyPath, type);
            }
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            for (Object constant : c.getEnumConstants()) {
                if (constant.toString().equals(text)) {
                    return constant;
                }
            }
            throw invalid(value, keyPath, type);
        }
        if (type == boolean.class || type == Boolean.class) {
            String lower = text.toLowerCase(java.util.Locale.ROOT);
            if (tag.equals(Tag.BOOL) && (TRUE.contains(lower) || FALSE.contains(lower))) {
                return TRUE.contains(lower);
            }
            throw invalid(value, keyPath, type);
        }
        throw new IllegalStateException("settings field type not supported: " + type);
    }

    private AugctlException invalid(Node value, String keyPath, Type type) {
        return error(value, "key '" + keyPath + "' has invalid value " + describe(value) + " (expected " + expected(type) + ")");
    }

    private AugctlException error(Node at, String message) {
        return AugctlException.badInput(file + ": line " + YamlNodes.line(at) + ", column " + YamlNodes.column(at) + ": " + message);
    }

    private static String describe(Node n) {
        if (n instanceof SequenceNode) {
            return "a list";
        }
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        return YamlNodes.isNull(n) ? "null" : "'" + YamlNodes.scalar(n) + "'";
    }

    private static String expected(Type type) {
        if (type == int.class || type == Integer.class || type == long.class || type == Long.class) {
            return "an integer";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            return "one of " + java.util.Arrays.stream(c.getEnumConstants()).map(Object::toString)
                    .collect(java.util.stream.Collectors.joining(", "));
        }
        if (type == String.class || type == Path.class) {
            return "a string";
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            return "a list";
        }
        return "a mapping";
    }

    /** Settings classes are this package's own nested classes; everything else is a value. */
    private static boolean isSettings(Class<?> type) {
        return type.getEnclosingClass() == AugctlConfig.class;
    }

    private static Map<String, Field> fields(Class<?> type) {
        Map<String, Field> out = new LinkedHashMap<>();
        for (Field f : type.getFields()) {
            Key name = f.getAnnotation(Key.class);
            if (name != null && !Modifier.isStatic(f.getModifiers())) {
                out.put(name.value(), f);
            }
        }
        return out;
    }
}
