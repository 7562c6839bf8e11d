package dev.augctl.generate;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The worker's log on stdout, one line per event: {@code <ISO-8601 UTC timestamp> <LEVEL padded to 5>
 * <message>}. This format is the contract with {@code augctl monitor} (see docs/WORKER.md).
 */
public final class WorkerLog {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final PrintWriter out;
    private final Clock clock;

    public WorkerLog(PrintWriter out) {
        this(out, Clock.systemUTC());
    }

    WorkerLog(PrintWriter out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    public void info(String message) {
        line("INFO ", message);
    }

    public void warn(String message) {
        line("WARN ", message);
    }

    public void error(String message) {
        line("ERROR", message);
    }

    private synchronized void line(String level, String message) {
        // One line per event: a message with a line break would split into lines the monitor misreads.
        String oneLine = message.replace('\r', ' ').replace('\n', ' ');
        out.println(TIMESTAMP.format(clock.instant()) + " " + level + " " + oneLine);
        out.flush();
    }
}
