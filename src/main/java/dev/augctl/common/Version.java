package dev.augctl.common;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The project version, filtered by Maven into {@code augctl-version.properties} (the pom is the one source). */
public final class Version {
    private Version() {
    }

    /** The version, or "unknown" when run from unfiltered classes. */
    public static String current() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("/augctl-version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        String v = p.getProperty("version", "unknown");
        return v.startsWith("${") ? "unknown" : v;
    }
}
