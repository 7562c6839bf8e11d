package dev.augctl.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code augctl monitor} run from the packaged jar like a user: follow, Ctrl-C, a terminal. */
class MonitorIT {
    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void stopLeftovers() throws InterruptedException {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static String jar() {
        return System.getProperty("augctl.jar", "target/augctl.jar");
    }

    /**
     * Starts argv with SIGINT restored to its default: a JVM started by a non-interactive shell in
     * the background inherits SIGINT ignored and would never see Ctrl-C. Perl is part of every
     * Debian-like base system.
     */
    private Process start(List<String> argv) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die $!"));
        cmd.addAll(argv);
        Process p = new ProcessBuilder(cmd).directory(Path.of(System.getProperty("augctl.home", ".")).toFile())
                .redirectErrorStream(true).start();
        started.add(p);
        return p;
    }

    /** Collects a stream in the background. */
    private static ByteArrayOutputStream drain(InputStream in) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread t = new Thread(() -> {
            try {
                in.transferTo(new java.io.OutputStream() {
                    @Override
                    public void write(int b) {
                        synchronized (out) {
                            out.write(b);
                        }
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        synchronized (out) {
                            out.write(b, off, len);
                        }
                    }
                });
            } catch (IOException ignored) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
        return out;
    }

    private static String text(ByteArrayOutputStream out) {
        synchronized (out) {
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    private static void waitFor(ByteArrayOutputStream out, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!text(out).contains(what)) {
            assertThat(System.nanoTime()).as("waiting for '%s' in: %s", what, text(out)).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    private void runningShard() throws IOException {
        Files.writeString(dir.resolve("shard_0_of_1.log"), WorkerLogs.info(10, "shard 0/1: assigned 2 combos: a, b")
                + WorkerLogs.info(9, "combo 1/2 start: combo_1_eda") + WorkerLogs.info(1, "combo 1/2 progress: 10/100 rows (10.0%)"));
    }

    @Test
    void ctrlCEndsFollowWithExit130() throws Exception {
        runningShard();
        Process p = start(List.of("java", "-jar", jar(), "monitor", "--follow", "--interval", "200ms",
                "--log-dir", dir.toString()));
        ByteArrayOutputStream out = drain(p.getInputStream());
        waitFor(out, "Completed 0/1");
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor(10, TimeUnit.SECONDS);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(130);
        assertThat(text(out)).contains("Shard 0").doesNotContain("\u001b["); // piped: no escapes
    }

    @Test
    void inATerminalFollowRedrawsInPlaceAndCtrlCRestoresTheCursor() throws Exception {
        runningShard();
        // `script` gives the monitor a pseudo-terminal, so System.console() is present
        String cmd = "exec java -jar '" + jar() + "' monitor --follow --interval 200ms --log-dir '" + dir + "'";
        Process p = start(List.of("script", "-qefc", cmd, "/dev/null"));
        ByteArrayOutputStream out = drain(p.getInputStream());
        waitFor(out, "Completed 0/1");
        waitFor(out, "\u001b[3A"); // a second frame drawn over the first (header, shard, summary)
        ProcessHandle java = p.descendants().filter(h -> h.info().command().orElse("").endsWith("java"))
                .findFirst().orElseThrow();
        new ProcessBuilder("kill", "-INT", Long.toString(java.pid())).start().waitFor(10, TimeUnit.SECONDS);
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(130);
        String s = text(out);
        assertThat(s).contains("\u001b[?25l").contains("\u001b[2K");
        assertThat(s.lastIndexOf("\u001b[?25h")).isGreaterThan(s.lastIndexOf("Completed 0/1"));
    }

    @Test
    void snapshotOfAFinishedRunFromTheJar() throws Exception {
        Files.writeString(dir.resolve("shard_0_of_1.log"), WorkerLogs.completedShard(0, 1, 2, 10, 20));
        Process p = start(List.of("java", "-jar", jar(), "monitor", "--json", "--log-dir", dir.toString()));
        ByteArrayOutputStream out = drain(p.getInputStream());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        Thread.sleep(100);
        assertThat(dev.augctl.common.Json.mapper().readTree(text(out)).get("summary").get("completed").asInt()).isEqualTo(1);
    }
}
