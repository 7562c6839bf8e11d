package dev.augctl.config;

import dev.augctl.common.AugctlException;
import dev.augctl.common.YamlNodes;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** Checks values whose type is right but whose value is not ({@link ConfigChecks}), naming the file and key. */
    public static AugctlConfig validate(AugctlConfig c, Path file) {
        ConfigChecks.first(c).ifPresent(p -> {
            throw AugctlException.badInput(file + ": " + p.describe(key -> key));
        });
        return c;
    }
}
