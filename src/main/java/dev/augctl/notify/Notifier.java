package dev.augctl.notify;

import dev.augctl.common.DaemonThreads;
import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends each event to every target, asynchronously: 5 s per try, 3 tries with a growing pause
 * between them. An endpoint that keeps failing gets one warning on stderr, naming only its
 * redacted URL; nothing here ever throws into the run or waits on it.
 */
public final class Notifier implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    static final int TRIES = 3;
    /** The pause before the second try; each later pause doubles it. */
    static final Duration BACKOFF = Duration.ofSeconds(1);

    private final List<NotifyTarget> targets;
    private final PrintWriter err;
    private final Duration timeout;
    private final Duration backoff;
    private final ExecutorService threads;
    private final HttpClient client;
    private final Set<NotifyTarget> warned = ConcurrentHashMap.newKeySet();
    private final Set<CompletableFuture<?>> pending = ConcurrentHashMap.newKeySet();
    private final java.util.Map<NotifyTarget, CompletableFuture<Void>> last = new java.util.HashMap<>();

    public Notifier(List<NotifyTarget> targets, PrintWriter err) {
        this(targets, err, TIMEOUT, BACKOFF);
    }

    Notifier(List<NotifyTarget> targets, PrintWriter err, Duration timeout, Duration backoff) {
        this.targets = List.copyOf(targets);
        this.err = err;
        this.timeout = timeout;
        this.backoff = backoff;
        this.threads = Executors.newCachedThreadPool(DaemonThreads.named("augctl-notify"));
        this.client = HttpClient.newBuilder().connectTimeout(timeout).executor(threads)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    /**
     * Starts delivering {@code e} to every target and returns at once. Each target gets the events
     * in the order they were sent: one starts when the one before it was delivered or given up.
     */
    public synchronized void send(NotifyEvent e) {
        for (NotifyTarget t : targets) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            pending.add(done);
            done.whenComplete((v, x) -> pending.remove(done));
            CompletableFuture<Void> before = last.put(t, done);
            if (before == null) {
                attempt(t, e, 1, done);
            } else {
                before.whenComplete((v, x) -> attempt(t, e, 1, done));
            }
        }
    }

    private void attempt(NotifyTarget t, NotifyEvent e, int number, CompletableFuture<Void> done) {
        CompletableFuture<HttpResponse<Void>> call;
        try {
            call = client.sendAsync(Payloads.request(t, e, timeout), HttpResponse.BodyHandlers.discarding());
        } catch (RuntimeException ex) {
            call = CompletableFuture.failedFuture(ex);
        }
        call.whenComplete((response, error) -> {
            if (error == null && response.statusCode() / 100 == 2) {
                done.complete(null);
                return;
            }
            String why = error != null ? describe(error) : "HTTP " + response.statusCode();
            if (number < TRIES) {
                long pause = backoff.toMillis() << (number - 1);
                CompletableFuture.delayedExecutor(pause, TimeUnit.MILLISECONDS, threads)
                        .execute(() -> attempt(t, e, number + 1, done));
            } else {
                warn(t, e.event() + " not delivered after " + TRIES + " tries: " + why);
                done.complete(null);
            }
        });
    }

    private void warn(NotifyTarget t, String what) {
        if (warned.add(t)) {
            synchronized (err) {
                err.println("augctl: warning: notification to " + t + ": " + what + " (the run goes on; "
                        + "further failures of this endpoint are not reported)");
                err.flush();
            }
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error instanceof java.util.concurrent.CompletionException && error.getCause() != null
                ? error.getCause() : error;
        if (cause instanceof java.net.http.HttpTimeoutException) {
            return "no answer within the timeout";
        }
        String m = cause.getMessage();
        return cause.getClass().getSimpleName() + (m == null ? "" : ": " + m);
    }

    /** Waits at most {@code grace} for deliveries still in flight (the end of a run), then gives up on them. */
    public void close(Duration grace) {
        CompletableFuture<?>[] all = pending.toArray(CompletableFuture[]::new);
        try {
            CompletableFuture.allOf(all).get(grace.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // an endpoint that does not answer does not hold the run's end
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        threads.shutdownNow();
    }

    @Override
    public void close() {
        close(Duration.ZERO);
    }
}
