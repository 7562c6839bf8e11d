package dev.augctl.monitor;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/** What the monitor needs to know about where its output goes. */
public final class Terminal {
    private Terminal() {
    }

    /** Whether stdout (and stdin) are a terminal, as {@link System#console()} tells on Java 17. */
    public static boolean isTerminal() {
        return System.console() != null;
    }

    /** Whether colours are welcome: a terminal, no NO_COLOR, and not TERM=dumb. */
    public static boolean colorAllowed() {
        String noColor = System.getenv("NO_COLOR");
        return isTerminal() && (noColor == null || noColor.isEmpty()) && !"dumb".equals(System.getenv("TERM"));
    }

    /** Whether the locale's charset is UTF-8 (otherwise the state marks are drawn in ASCII). */
    public static boolean utf8() {
        String enc = System.getProperty("sun.stdout.encoding");
        if (enc == null) {
            enc = System.getProperty("native.encoding", System.getProperty("file.encoding", ""));
        }
        String e = enc.toLowerCase(Locale.ROOT).replace("-", "");
        return e.equals("utf8");
    }

    /** The terminal's width in columns (COLUMNS, else {@code stty size}), or 0 when unknown. */
    public static int columns() {
        try {
            String env = System.getenv("COLUMNS");
            if (env != null && !env.isBlank()) {
                return Integer.parseInt(env.trim());
            }
        } catch (NumberFormatException ignored) {
            // fall through to stty
        }
        File tty = new File("/dev/tty");
        if (!tty.exists()) {
            return 0;
        }
        try {
            Process p = new ProcessBuilder("stty", "size").redirectInput(tty)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try {
                if (!p.waitFor(1, TimeUnit.SECONDS)) {
                    return 0;
                }
                String[] parts = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim().split("\\s+");
                return parts.length == 2 ? Integer.parseInt(parts[1]) : 0;
            } finally {
                p.destroy();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        } catch (Exception e) {
            return 0; // no stty, no terminal: lines are not cut
        }
    }
}
