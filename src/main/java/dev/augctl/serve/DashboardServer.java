package dev.augctl.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.augctl.common.AugctlException;
import dev.augctl.common.DaemonThreads;
import dev.augctl.common.Json;
import dev.augctl.common.LogTail;
import dev.augctl.history.HistoryEntry;
import dev.augctl.history.HistoryFile;
import dev.augctl.monitor.ShardRow;
import dev.augctl.monitor.Snapshot;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read-only dashboard: one page, the monitor's JSON document, Server-Sent Events, a shard's log
 * tail, the duration history and the merge statistics. GET and HEAD only; no part of a request
 * names a file (a shard's log is found through the latest snapshot).
 */
public final class DashboardServer implements AutoCloseable {
    /** Lines of a log tail when the request does not say, and the most it may ask for. */
    static final int DEFAULT_LINES = 200;
    static final int MAX_LINES = 2000;
    /** Open event streams at most; more get 503 (the page then polls). */
    static final int MAX_STREAMS = 64;
    private static final long KEEP_ALIVE_MILLIS = 15_000;
    private static final Pattern SHARD_LOG = Pattern.compile("/api/shards/(\\d{1,9})/log");
    private static final Pattern LINES = Pattern.compile("lines=(\\d{1,9})");
    private static final String JSON = "application/json; charset=utf-8";

    private final DashboardSettings settings;
    private final HttpServer server;
    private final ExecutorService threads;
    private final Broadcast broadcast = new Broadcast();
    private final Timeline timeline = new Timeline();
    private final MergeSummary merge;
    private final Page page = Page.load();
    private final ObjectWriter writer = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
    private final AtomicInteger streams = new AtomicInteger();
    private volatile Snapshot latest;

    private DashboardServer(DashboardSettings settings, HttpServer server) {
        this.settings = settings;
        this.server = server;
        this.merge = new MergeSummary(settings.manifest(), settings.keyColumn(), settings.rowsColumn());
        this.threads = Executors.newCachedThreadPool(DaemonThreads.named("augctl-dashboard"));
        server.setExecutor(threads);
        server.createContext("/", this::handle);
    }

    /**
     * Binds and starts the server, then prints its URL on {@code err} (and a warning when other
     * machines can reach it). An address that cannot be bound is a bad-input error naming it.
     */
    public static DashboardServer start(DashboardSettings settings, PrintWriter err) throws IOException {
        HttpServer http;
        try {
            http = HttpServer.create(settings.bind().socketAddress(), 0);
        } catch (IOException e) {
            throw AugctlException.badInput("cannot serve the dashboard on " + settings.bind().host() + ":"
                    + settings.bind().port() + ": " + e.getMessage(), e);
        }
        DashboardServer d = new DashboardServer(settings, http);
        http.start();
        err.println("augctl: dashboard at " + d.url());
        if (!settings.bind().loopbackOnly()) {
            err.println("augctl: warning: the dashboard listens on " + settings.bind().host()
                    + ": other machines can read it (logs, paths, progress) without a login");
        }
        err.flush();
        return d;
    }

    /** The page's address (with the port actually bound). */
    public URI url() {
        String host = settings.bind().host();
        if (host.contains(":")) {
            host = "[" + host + "]";
        } else if (host.equals("0.0.0.0")) {
            host = BindAddress.DEFAULT_HOST;
        }
        return URI.create("http://" + host + ":" + server.getAddress().getPort() + "/");
    }

    /** Makes {@code s} the state every client sees next (event streams get it at once). */
    public void publish(Snapshot s) {
        timeline.add(s);
        latest = s;
        broadcast.publish(bytes(s), bytes(timeline.view(java.time.Instant.parse(s.time()).toEpochMilli())));
    }

    @Override
    public void close() {
        broadcast.close();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String method = x.getRequestMethod();
            boolean head = method.equals("HEAD");
            if (!head && !method.equals("GET")) {
                x.getResponseHeaders().set("Allow", "GET, HEAD");
                send(x, 405, "text/plain; charset=utf-8", "only GET and HEAD\n", false);
                return;
            }
            route(x, x.getRequestURI().getRawPath(), x.getRequestURI().getRawQuery(), head);
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
    }

    private void route(HttpExchange x, String path, String query, boolean head) throws IOException {
        switch (path) {
            case "/", "/index.html" -> {
                x.getResponseHeaders().set("Content-Security-Policy", page.policy());
                send(x, 200, "text/html; charset=utf-8", page.html(), head);
            }
            case "/api/state" -> {
                Broadcast.Update u = broadcast.latest();
                if (u == null) {
                    send(x, 503, JSON, "{\"error\":\"no snapshot yet\"}", head);
                } else {
                    send(x, 200, JSON, u.state(), head);
                }
            }
            case "/api/timeline" -> {
                Broadcast.Update u = broadcast.latest();
                send(x, 200, JSON, u == null ? bytes(timeline.view(System.currentTimeMillis())) : u.timeline(), head);
            }
            case "/api/info" -> send(x, 200, JSON, bytes(Map.of("interval_ms", settings.interval().toMillis(),
                    "log_dir", settings.logDir().toString())), head);
            case "/api/merge" -> send(x, 200, JSON, bytes(merge.read()), head);
            case "/api/history" -> send(x, 200, JSON, history(), head);
            case "/events" -> events(x, head);
            default -> {
                Matcher m = SHARD_LOG.matcher(path);
                if (m.matches()) {
                    log(x, Integer.parseInt(m.group(1)), query, head);
                } else {
                    notFound(x, head);
                }
            }
        }
    }

    /** The last lines of a shard's log; the shard must be one of the latest snapshot's. */
    private void log(HttpExchange x, int shard, String query, boolean head) throws IOException {
        Snapshot s = latest;
        ShardRow row = s == null ? null : s.shards().stream().filter(r -> r.shard() == shard).findFirst().orElse(null);
        if (row == null) {
            notFound(x, head);
            return;
        }
        int lines = DEFAULT_LINES;
        if (query != null) {
            Matcher m = LINES.matcher(query);
            if (!m.matches()) {
                send(x, 400, "text/plain; charset=utf-8", "expected ?lines=N\n", head);
                return;
            }
            lines = Math.min(MAX_LINES, Integer.parseInt(m.group(1)));
        }
        var tail = LogTail.read(java.nio.file.Path.of(row.log()), lines);
        send(x, 200, JSON, bytes(Map.of("shard", shard, "log", row.log(), "lines", tail)), head);
    }

    /** Server-Sent Events: the state and the timeline at once, then at each publish; a comment every 15 s. */
    private void events(HttpExchange x, boolean head) throws IOException {
        x.getResponseHeaders().set("Cache-Control", "no-store");
        x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        x.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
        if (head) {
            x.sendResponseHeaders(200, -1);
            return;
        }
        if (streams.incrementAndGet() > MAX_STREAMS) {
            streams.decrementAndGet();
            send(x, 503, "text/plain; charset=utf-8", "too many event streams; poll /api/state\n", false);
            return;
        }
        try {
            x.sendResponseHeaders(200, 0);
            OutputStream out = x.getResponseBody();
            out.write(("retry: " + settings.interval().toMillis() + "\n\n").getBytes(StandardCharsets.UTF_8));
            long version = 0;
            Broadcast.Update u = broadcast.latest();
            while (!broadcast.closed()) {
                if (u != null) {
                    out.write(event("state", u.state()));
                    out.write(event("timeline", u.timeline()));
                    version = u.version();
                } else {
                    out.write(": keep-alive\n\n".getBytes(StandardCharsets.UTF_8));
                }
                out.flush();
                u = broadcast.next(version, KEEP_ALIVE_MILLIS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            streams.decrementAndGet();
        }
    }

    private static byte[] event(String name, byte[] data) {
        byte[] head = ("event: " + name + "\ndata: ").getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[head.length + data.length + 2];
        System.arraycopy(head, 0, out, 0, head.length);
        System.arraycopy(data, 0, out, head.length, data.length);
        out[out.length - 2] = '\n';
        out[out.length - 1] = '\n';
        return out;
    }

    private static void notFound(HttpExchange x, boolean head) throws IOException {
        send(x, 404, "text/plain; charset=utf-8", "not found\n", head);
    }

    private static void send(HttpExchange x, int code, String type, String body, boolean head) throws IOException {
        send(x, code, type, body.getBytes(StandardCharsets.UTF_8), head);
    }

    private static void send(HttpExchange x, int code, String type, byte[] body, boolean head) throws IOException {
        x.getResponseHeaders().set("Content-Type", type);
        x.getResponseHeaders().set("Cache-Control", "no-store");
        x.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        x.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        if (head) {
            x.getResponseHeaders().set("Content-Length", Integer.toString(body.length));
            x.sendResponseHeaders(code, -1);
            return;
        }
        x.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        x.getResponseBody().write(body);
    }

    private byte[] bytes(Object value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The duration history as a JSON array of its entries, newest {@value #HISTORY_ENTRIES} at most,
     * in the file's own format; read with the history package's reader (unreadable lines left out).
     */
    private byte[] history() throws IOException {
        List<HistoryEntry> entries = HistoryFile.in(settings.logDir()).read(warning -> { });
        StringBuilder out = new StringBuilder("[");
        for (HistoryEntry e : entries.subList(Math.max(0, entries.size() - HISTORY_ENTRIES), entries.size())) {
            out.append(out.length() > 1 ? "," : "").append(HistoryFile.format(e));
        }
        return out.append(']').toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The newest history entries an answer holds. */
    static final int HISTORY_ENTRIES = 5000;
}
