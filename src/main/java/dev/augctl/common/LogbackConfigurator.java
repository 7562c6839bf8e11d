package dev.augctl.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.Layout;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.io.PrintWriter;
import org.slf4j.Logger;

/**
 * Configures Logback in code (found through {@code META-INF/services}), which skips the XML parsing
 * that makes Logback's default start-up slow. The worker's own lines ({@link Logging#WORKER_LOGGER})
 * go to its stdout in {@link #WORKER_PATTERN}; everything else (the libraries' diagnostics) goes to
 * stderr, since stdout is for data. With {@code -Dlogback.configurationFile=FILE} this configurator
 * steps aside and Logback reads that file instead (docs/WORKER.md).
 */
public final class LogbackConfigurator extends ContextAwareBase implements Configurator {
    /**
     * The worker's line: {@code <ISO-8601 UTC timestamp, milliseconds> <LEVEL padded to 5> <message>},
     * a message's line breaks turned into spaces (one line per event). The contract with
     * {@code augctl monitor}'s default patterns (conf/monitor.yaml).
     */
    public static final String WORKER_PATTERN =
            "%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z',UTC} %-5level %replace(%msg){'[\\r\\n]',' '}%n";
    /** The libraries' diagnostics on stderr. */
    static final String STDERR_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

    private static volatile LoggerContext context;

    @Override
    public ExecutionStatus configure(LoggerContext loggerContext) {
        if (System.getProperty("logback.configurationFile") != null) {
            return ExecutionStatus.INVOKE_NEXT_IF_ANY; // Logback's own configurator reads the user's file
        }
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(loggerContext);
        encoder.setPattern(STDERR_PATTERN);
        encoder.start();

        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(loggerContext);
        appender.setName("stderr");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();
        loggerContext.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);

        PatternLayout layout = new PatternLayout();
        layout.setContext(loggerContext);
        layout.setPattern(WORKER_PATTERN);
        layout.start();
        WorkerAppender worker = new WorkerAppender(layout);
        worker.setContext(loggerContext);
        worker.setName("worker");
        worker.start();
        ch.qos.logback.classic.Logger workerLogger = loggerContext.getLogger(Logging.WORKER_LOGGER);
        workerLogger.addAppender(worker);
        workerLogger.setAdditive(false);

        context = loggerContext;
        applyLevels();
        return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
    }

    static boolean started() {
        return context != null;
    }

    /** Quiet by default (warnings, and augctl's own info); everything with --verbose. */
    static void applyLevels() {
        LoggerContext ctx = context;
        if (ctx == null) {
            return;
        }
        boolean verbose = Logging.verbose();
        ctx.getLogger(Logger.ROOT_LOGGER_NAME).setLevel(verbose ? Level.INFO : Level.WARN);
        ctx.getLogger("dev.augctl").setLevel(verbose ? Level.DEBUG : Level.INFO);
    }

    /**
     * Writes each event to the worker's output as it is then ({@link Logging#setWorkerOutput}: the
     * command's stdout), flushed, so that the monitor sees every line at once.
     */
    private static final class WorkerAppender extends AppenderBase<ILoggingEvent> {
        private final Layout<ILoggingEvent> layout;

        WorkerAppender(Layout<ILoggingEvent> layout) {
            this.layout = layout;
        }

        @Override
        protected void append(ILoggingEvent event) {
            PrintWriter out = Logging.workerOutput();
            out.print(layout.doLayout(event));
            out.flush();
        }
    }
}
