package dev.augctl.common;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import org.slf4j.Logger;

/**
 * Configures Logback in code (found through {@code META-INF/services}), which skips the XML parsing
 * that makes Logback's default start-up slow. Diagnostics go to stderr: stdout is for data.
 */
public final class LogbackConfigurator extends ContextAwareBase implements Configurator {
    private static volatile LoggerContext context;

    @Override
    public ExecutionStatus configure(LoggerContext loggerContext) {
        PatternLayoutEncoder encoder = new PatternLayoutEncoder();
        encoder.setContext(loggerContext);
        encoder.setPattern("%d{HH:mm:ss.SSS} %-5level %logger{0} - %msg%n");
        encoder.start();

        ConsoleAppender<ILoggingEvent> appender = new ConsoleAppender<>();
        appender.setContext(loggerContext);
        appender.setName("stderr");
        appender.setTarget("System.err");
        appender.setEncoder(encoder);
        appender.start();

        loggerContext.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
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
}
