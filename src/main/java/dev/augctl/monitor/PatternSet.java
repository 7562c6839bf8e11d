package dev.augctl.monitor;

import dev.augctl.common.AugctlException;
import dev.augctl.common.Suggest;
import dev.augctl.common.YamlNodes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * The regexes that read a shard's log, by kind of line ({@code conf/monitor.yaml}). Each key holds
 * one regex or a list; the built-in set (matching {@code augctl generate} and tqdm bars) fills the
 * keys a file leaves out, and an empty list switches a key off.
 */
public final class PatternSet {
    /** The built-in patterns, identical to the shipped {@code conf/monitor.yaml}. */
    static final String DEFAULTS_RESOURCE = "/dev/augctl/monitor/monitor-default.yaml";

    /** A kind of line: its key in the file, and its allowed and required named groups. */
    enum Kind {
        TIMESTAMP("timestamp", Set.of("ts"), List.of(Set.of("ts"))),
        ATTEMPT("attempt", Set.of("ts"), List.of()),
        ASSIGNED("assigned", Set.of("total", "shard", "shards"), List.of(Set.of("total"))),
        RUN_TOTAL("run_total", Set.of("total"), List.of(Set.of("total"))),
        COMBO_START("combo_start", Set.of("name", "index", "total"), List.of(Set.of("name"))),
        PROGRESS("progress", Set.of("done", "total", "percent"), List.of(Set.of("done", "total"), Set.of("percent"))),
        COMBO_DONE("combo_done", Set.of("rows", "name", "index", "total"), List.of()),
        SHARD_COMPLETE("shard_complete", Set.of(), List.of()),
        ERROR("error", Set.of("message"), List.of());

        final String key;
        final Set<String> allowed;
        /** One of these sets must be fully present (none: no requirement). */
        final List<Set<String>> required;

        Kind(String key, Set<String> allowed, List<Set<String>> required) {
            this.key = key;
            this.allowed = allowed;
            this.required = required;
        }
    }

    private final Map<Kind, List<LinePattern>> patterns;
    private final String source;

    private PatternSet(Map<Kind, List<LinePattern>> patterns, String source) {
        this.patterns = patterns;
        this.source = source;
    }

    /** The built-in set. */
    public static PatternSet defaults() {
        try (InputStream in = PatternSet.class.getResourceAsStream(DEFAULTS_RESOURCE);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return parse(YamlNodes.compose(reader), null, "built-in patterns");
        } catch (IOException | YAMLException e) {
            throw new IllegalStateException("cannot read the built-in monitor patterns", e);
        }
    }

    /**
     * Loads {@code file}; when it does not exist, the built-in set applies unless the file was
     * asked for explicitly. Every error names the file and the pattern key.
     */
    public static PatternSet load(Path file, boolean explicit) {
        if (!Files.exists(file)) {
            if (explicit) {
                throw AugctlException.badInput("monitor patterns file not found: " + file);
            }
            return defaults();
        }
        Node root = YamlNodes.read(file);
        return parse(root, defaults(), file.toString());
    }

    private static PatternSet parse(Node root, PatternSet fallback, String source) {
        boolean empty = root == null || YamlNodes.isNull(root);
        if (!empty && !(root instanceof MappingNode)) {
            throw AugctlException.badInput(source + ": line " + YamlNodes.line(root) + ": expected a mapping of pattern keys to regexes");
        }
        Map<String, Kind> byKey = new LinkedHashMap<>();
        for (Kind k : Kind.values()) {
            byKey.put(k.key, k);
        }
        Map<Kind, List<LinePattern>> result = new java.util.EnumMap<>(Kind.class);
        if (root instanceof MappingNode map) {
            for (NodeTuple t : map.getValue()) {
                String key = YamlNodes.scalar(t.getKeyNode());
                Kind kind = key == null ? null : byKey.get(key);
                String at = source + ": line " + YamlNodes.line(t.getKeyNode());
                if (kind == null) {
                    String near = key == null ? null : Suggest.nearest(key, byKey.keySet());
                    throw AugctlException.badInput(at + ": unknown pattern key '" + key + "'"
                            + (near != null ? " (did you mean '" + near + "'?)" : " (keys: " + String.join(", ", byKey.keySet()) + ")"));
                }
                if (result.containsKey(kind)) {
                    throw AugctlException.badInput(at + ": pattern '" + key + "' is given twice");
                }
                result.put(kind, compile(kind, t.getValueNode(), source));
            }
        }
        for (Kind k : Kind.values()) {
            if (!result.containsKey(k)) {
                result.put(k, fallback == null ? List.of() : fallback.patterns.get(k));
            }
        }
        return new PatternSet(result, source);
    }

    private static List<LinePattern> compile(Kind kind, Node value, String source) {
        String at = source + ": line " + YamlNodes.line(value);
        List<Node> regexes = new ArrayList<>();
        if (isText(value)) {
            regexes.add(value);
        } else if (value instanceof SequenceNode list) {
            for (Node n : list.getValue()) {
                if (!isText(n)) {
                    throw AugctlException.badInput(source + ": line " + YamlNodes.line(n) + ": pattern '" + kind.key
                            + "': every entry must be a string (a regex), got " + describe(n));
                }
                regexes.add(n);
            }
        } else if (!YamlNodes.isNull(value)) {
            throw AugctlException.badInput(at + ": pattern '" + kind.key + "' must be a regex or a list of regexes, got " + describe(value));
        }
        List<LinePattern> out = new ArrayList<>();
        for (int i = 0; i < regexes.size(); i++) {
            String re = YamlNodes.scalar(regexes.get(i));
            String where = source + ": line " + YamlNodes.line(regexes.get(i)) + ": pattern '" + kind.key + "'"
                    + (regexes.size() > 1 ? " [" + i + "]" : "");
            Pattern p;
            try {
                p = Pattern.compile(re);
            } catch (PatternSyntaxException e) {
                throw AugctlException.badInput(where + ": invalid regex: " + e.getDescription()
                        + " near index " + e.getIndex() + " of '" + re + "'", e);
            }
            RegexScan.Info info = RegexScan.scan(re);
            for (String g : info.groupNames()) {
                if (!kind.allowed.contains(g)) {
                    throw AugctlException.badInput(where + ": unknown group '" + g + "' (allowed: "
                            + (kind.allowed.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(kind.allowed))) + ")");
                }
            }
            if (!kind.required.isEmpty() && kind.required.stream().noneMatch(info.groupNames()::containsAll)) {
                throw AugctlException.badInput(where + ": missing group " + describe(kind.required) + " in '" + re + "'");
            }
            out.add(new LinePattern(kind.key, re, p, info));
        }
        return List.copyOf(out);
    }

    /** A string scalar: quoted, or plain text that YAML does not read as a number, boolean or null. */
    private static boolean isText(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.STR);
    }

    private static String describe(Node n) {
        if (n instanceof MappingNode) {
            return "a mapping";
        }
        if (n instanceof SequenceNode) {
            return "a list";
        }
        return YamlNodes.isNull(n) ? "null" : YamlNodes.scalar(n);
    }

    private static String describe(List<Set<String>> required) {
        List<String> alternatives = new ArrayList<>();
        for (Set<String> set : required) {
            alternatives.add(String.join(" and ", set.stream().sorted().map(s -> "(?<" + s + ">...)").toList()));
        }
        return String.join(", or ", alternatives);
    }

    List<LinePattern> get(Kind kind) {
        return patterns.get(kind);
    }

    /** Where the patterns came from: a file name or "built-in patterns". */
    public String source() {
        return source;
    }

    /** A fresh copy with its own matchers (patterns hold mutable matchers, one set per reader). */
    PatternSet copy() {
        Map<Kind, List<LinePattern>> m = new java.util.EnumMap<>(Kind.class);
        patterns.forEach((k, list) -> m.put(k, list.stream().map(LinePattern::copy).toList()));
        return new PatternSet(m, source);
    }
}
