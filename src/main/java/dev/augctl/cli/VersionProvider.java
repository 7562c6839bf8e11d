package dev.augctl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the version Maven filtered into {@code augctl-version.properties} (the pom is the one source). */
public final class VersionProvider implements CommandLine.IVersionProvider {

    /** The project version, or "unknown" when run from unfiltered classes. */
    public static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/augctl-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        String v = p.getProperty("version", "unknown");
        return v.startsWith("${") ? "unknown" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {
            "augctl " + version(),
            "Java ${java.version} (${java.vendor}), ${os.name} ${os.arch}"
        };
    }
}
