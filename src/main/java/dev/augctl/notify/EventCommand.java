package dev.augctl.notify;

import dev.augctl.common.DaemonThreads;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * {@code --on-event CMD}: runs a command for each event, one at a time and in order, from an argv
 * (no shell), with the event's JSON on its standard input and {@code AUGCTL_EVENT} set to the
 * event's name. A command that fails or outlives its timeout gets one warning; the run goes on.
 */
public final class EventCommand implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final List<String> argv;
    private final PrintWriter err;
    private final Duration timeout;
    private final ExecutorService queue = Executors.newSingleThreadExecutor(DaemonThreads.named("augctl-on-event"));
    private volatile boolean warned;

    public EventCommand(List<String> argv, PrintWriter err) {
        this(argv, err, TIMEOUT);
    }

    EventCommand(List<String> argv, PrintWriter err, Duration timeout) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("--on-event: the command is empty");
        }
        this.argv = List.copyOf(argv);
        this.err = err;
        this.timeout = timeout;
    }

    /** Queues a run of the command for this event and returns at once. */
    public void send(NotifyEvent e) {
        String json = Payloads.json(e);
        queue.execute(() -> runOnce(e.event(), json));
    }

    private void runOnce(String event, String json) {
        Process p = null;
        try {
            ProcessBuilder pb = new ProcessBuilder(argv).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.INHERIT);
            pb.environment().put("AUGCTL_EVENT", event);
            p = pb.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(json.getBytes(StandardCharsets.UTF_8));
                in.write('\n');
            } catch (IOException closedEarly) {
                // a command that does not read its input may close it first
            }
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                warn(event, "still running after " + timeout.toSeconds() + " s; stopped");
            } else if (p.exitValue() != 0) {
                warn(event, "exit " + p.exitValue());
            }
        } catch (IOException e) {
            warn(event, "cannot run it: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (p != null && p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        }
    }

    private void warn(String event, String what) {
        if (!warned) {
            warned = true;
            synchronized (err) {
                err.println("augctl: warning: --on-event " + argv.get(0) + " (" + event + "): " + what
                        + " (the run goes on; further failures are not reported)");
                err.flush();
            }
        }
    }

    /** Waits at most {@code grace} for the queued commands, then leaves them. */
    public void close(Duration grace) {
        queue.shutdown();
        try {
            if (!queue.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                queue.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }
}
