package dev.augctl.common;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * YAML documents as SnakeYAML node trees, which keep the line and column of every key and value
 * for error messages. Composes nodes only (no object construction, no dumper), the cheapest way
 * to read a YAML file at start-up.
 */
public final class YamlNodes {
    private YamlNodes() {
    }

    /**
     * The single document of {@code reader}, or null when it has none (an empty file or only comments).
     *
     * @throws org.yaml.snakeyaml.error.YAMLException when the text is not valid YAML (a
     *     {@link org.yaml.snakeyaml.error.MarkedYAMLException} carries the position)
     */
    public static Node compose(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        return new Composer(new ParserImpl(new StreamReader(reader), options), new Resolver(), options).getSingleNode();
    }

    /**
     * The single document of a UTF-8 file, or null when it has none. Invalid YAML is a bad-input
     * error naming the file, line and column ({@code FILE: line 3, column 7: invalid YAML: ...}), as
     * is a file that cannot be read.
     */
    public static Node read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return compose(reader);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark();
            String where = m == null ? "" : ": line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1);
            throw AugctlException.badInput(file + where + ": invalid YAML: " + e.getProblem(), e);
        } catch (YAMLException e) {
            throw AugctlException.badInput(file + ": invalid YAML: " + e.getMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw AugctlException.badInput("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The line of a node, from 1. */
    public static int line(Node n) {
        return n.getStartMark().getLine() + 1;
    }

    /** The column of a node, from 1. */
    public static int column(Node n) {
        return n.getStartMark().getColumn() + 1;
    }

    /** The text of a scalar node, or null for a list or mapping. */
    public static String scalar(Node n) {
        return n instanceof ScalarNode s ? s.getValue() : null;
    }

    /** Whether the node is YAML's null ({@code ~}, {@code null} or nothing). */
    public static boolean isNull(Node n) {
        return n instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }
}
