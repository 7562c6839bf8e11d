package dev.augctl.serve;

import dev.augctl.monitor.Monitor;
import dev.augctl.monitor.Snapshot;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.function.Consumer;

/** Refreshes a {@link Monitor} every interval and hands each snapshot on: the dashboard's one refresh loop. */
public final class LiveRefresh {
    /** Where snapshots come from: {@link Monitor#refresh()}, or a guarded call of it. */
    @FunctionalInterface
    public interface Source {
        Snapshot refresh() throws IOException;
    }

    private LiveRefresh() {
    }

    /** Refreshes until interrupted; a refresh that fails is reported once on {@code err} and tried again. */
    public static void run(Source monitor, Duration interval, Consumer<Snapshot> sink, PrintWriter err)
            throws InterruptedException {
        String lastError = null;
        while (!Thread.currentThread().isInterrupted()) {
            long began = System.nanoTime();
            try {
                sink.accept(monitor.refresh());
                lastError = null;
            } catch (IOException | RuntimeException e) {
                String message = String.valueOf(e.getMessage());
                if (!message.equals(lastError)) {
                    err.println("augctl: warning: dashboard refresh failed: " + message);
                    err.flush();
                }
                lastError = message;
            }
            long left = interval.toNanos() - (System.nanoTime() - began);
            if (left > 0) {
                Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
            }
        }
        throw new InterruptedException();
    }

    /** The same loop on a daemon thread (inside the launcher); interrupt the thread to stop it. */
    public static Thread start(Source monitor, Duration interval, Consumer<Snapshot> sink, PrintWriter err) {
        Thread t = new Thread(() -> {
            try {
                run(monitor, interval, sink, err);
            } catch (InterruptedException e) {
                // stopped
            }
        }, "augctl-dashboard-refresh");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
