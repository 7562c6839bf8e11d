package dev.augctl.notify;

import com.sun.net.httpserver.HttpServer;
import dev.augctl.common.DaemonThreads;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A loopback HTTP endpoint that records what it is sent and answers with scripted status codes (0: never answers). */
final class Sink implements AutoCloseable {
    /** One request as received. */
    record Request(String method, String path, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    final LinkedBlockingQueue<Request> received = new LinkedBlockingQueue<>();
    private final Deque<Integer> answers = new ConcurrentLinkedDeque<>();
    private final int lastAnswer;
    private final CountDownLatch never = new CountDownLatch(1);
    private final HttpServer server;

    /** Answers {@code codes} in turn, then the last one for every later request. */
    Sink(int... codes) throws IOException {
        for (int c : codes) {
            answers.add(c);
        }
        lastAnswer = codes[codes.length - 1];
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool(DaemonThreads.named("sink")));
        server.createContext("/", x -> {
            String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Request(x.getRequestMethod(), x.getRequestURI().toString(), Map.copyOf(x.getRequestHeaders()), body));
            Integer code = answers.size() > 1 ? answers.poll() : lastAnswer;
            if (code == 0) {
                try {
                    never.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            x.sendResponseHeaders(code == 0 ? 200 : code, -1);
            x.close();
        });
        server.start();
    }

    /** This sink's URL with {@code scheme} (http, slack+http, ntfy+http) and {@code path}. */
    String url(String scheme, String path) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    Request next() throws InterruptedException {
        Request r = received.poll(20, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("nothing received within 20 s");
        }
        return r;
    }

    @Override
    public void close() {
        never.countDown();
        server.stop(0);
    }
}
