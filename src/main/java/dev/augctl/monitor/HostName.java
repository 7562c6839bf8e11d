package dev.augctl.monitor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** This machine's host name, read without a DNS lookup. */
final class HostName {
    private HostName() {
    }

    static String get() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException | RuntimeException e) {
            String env = System.getenv("HOSTNAME");
            if (env != null) {
                return env;
            }
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (IOException ex) {
                return "";
            }
        }
    }

    /** Whether two names are the same host ("node1" and "node1.cluster" are). */
    static boolean same(String a, String b) {
        return shortName(a).equals(shortName(b));
    }

    private static String shortName(String h) {
        String s = h.trim().toLowerCase(Locale.ROOT);
        int dot = s.indexOf('.');
        return dot > 0 ? s.substring(0, dot) : s;
    }
}
