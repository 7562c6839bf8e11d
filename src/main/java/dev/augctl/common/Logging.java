package dev.augctl.common;

/**
 * The verbosity switch. Logging goes through SLF4J to stderr; {@link LogbackConfigurator} reads the
 * level from here when Logback first starts, which happens only in commands that log.
 */
public final class Logging {
    private static volatile boolean verbose;

    private Logging() {
    }

    public static boolean verbose() {
        return verbose;
    }

    /** Sets verbosity; if Logback is already running, its levels follow. */
    public static void setVerbose(boolean value) {
        verbose = value;
        if (LogbackConfigurator.started()) {
            LogbackConfigurator.applyLevels();
        }
    }
}
