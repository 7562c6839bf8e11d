package dev.augctl.common;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The verbosity switch, and where the worker's log lines go. Logging goes through SLF4J;
 * {@link LogbackConfigurator} reads both from here when Logback first starts, which happens only in
 * commands that log.
 */
public final class Logging {
    /**
     * The loggers of the built-in worker ({@code augctl generate}): their lines go to the worker's
     * stdout in {@link LogbackConfigurator#WORKER_PATTERN}, the format {@code augctl monitor} reads.
     */
    public static final String WORKER_LOGGER = "dev.augctl.generate";

    private static volatile boolean verbose;
    private static volatile PrintWriter workerOutput =
            new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);

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

    /** The worker's output (its command's stdout): its log lines are written there from now on. */
    public static void setWorkerOutput(PrintWriter out) {
        workerOutput = out;
    }

    static PrintWriter workerOutput() {
        return workerOutput;
    }
}
