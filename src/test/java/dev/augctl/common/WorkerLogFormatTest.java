package dev.augctl.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The worker's lines through SLF4J keep the format augctl monitor reads (docs/WORKER.md, conf/monitor.yaml). */
class WorkerLogFormatTest {
    private final StringWriter out = new StringWriter();

    @AfterEach
    void restore() {
        Logging.setWorkerOutput(new PrintWriter(System.out, true));
    }

    @Test
    void timestampLevelPaddedToFiveAndOneLinePerEvent() {
        Logging.setWorkerOutput(new PrintWriter(out, true));
        Instant before = Instant.now().minusMillis(1);
        var log = LoggerFactory.getLogger(Logging.WORKER_LOGGER + ".Anything");
        log.info("combo 1/2 start: combo_1_x");
        log.warn("two\nlines\r\nhere");
        log.error("boom {}", 42);
        LoggerFactory.getLogger("org.example.Library").warn("a library's diagnostic");

        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(3);
        String ts = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
        assertThat(lines.get(0)).matches(ts + " INFO  combo 1/2 start: combo_1_x");
        assertThat(lines.get(1)).matches(ts + " WARN  two lines  here");
        assertThat(lines.get(2)).matches(ts + " ERROR boom 42");
        Instant logged = Instant.parse(lines.get(0).substring(0, 24));
        assertThat(logged).isAfter(before).isBefore(Instant.now().plusMillis(1)); // UTC, not local time
    }
}
