package dev.augctl.common;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * This machine's host name, as recorded in run.json by the launcher and compared by the monitor:
 * one reading for both, without a DNS lookup (which can hang on a misconfigured machine).
 */
public final class HostName {
    private HostName() {
    }

    /** The kernel's host name (Linux), else $HOSTNAME, else null. */
    public static String get() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException | RuntimeException e) {
            String env = System.getenv("HOSTNAME");
            return env == null || env.isBlank() ? null : env.trim();
        }
    }

    /** Whether two names are the same host ("node1" and "node1.cluster" are). */
    public static boolean same(String a, String b) {
        if (a == null || b == null) {
            return a == b;
        }
        return shortName(a).equals(shortName(b));
    }

    private static String shortName(String h) {
        String s = h.trim().toLowerCase(Locale.ROOT);
        int dot = s.indexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }
}
