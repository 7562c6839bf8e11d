package dev.augctl.serve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.common.AugctlException;
import dev.augctl.common.Json;
import dev.augctl.monitor.MonitorView;
import dev.augctl.monitor.ShardRow;
import dev.augctl.monitor.Snapshot;
import dev.augctl.monitor.Status;
import dev.augctl.monitor.Summary;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardServerTest {
    @TempDir
    Path dir;

    private final StringWriter errText = new StringWriter();
    private final HttpClient http = HttpClient.newHttpClient();
    private DashboardServer server;
    private URI base;

    @BeforeEach
    void start() throws Exception {
        server = DashboardServer.start(new DashboardSettings(BindAddress.parse("0"), dir,
                dir.resolve("out/manifest_final.csv"), "combo", "rows", Duration.ofSeconds(1)), new PrintWriter(errText, true));
        base = server.url();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Snapshot snapshot(double progress, String current) {
        ShardRow r0 = row(0, progress, current);
        ShardRow r1 = row(1, 10.0, "combo_1_b");
        return new Snapshot(java.time.Instant.now().toString(), dir.toString(), null, List.of(r0, r1),
                new Summary(2, 0, 2, 0, 0, 0, 0, 0, 30, 12.0, 0, 6));
    }

    private ShardRow row(int shard, double progress, String current) {
        return new ShardRow(shard, Status.RUNNING, progress, 0, 3, current, 12.0, 15, 50.0, 1L << 20,
                java.time.Instant.now().toString(), null, java.time.Instant.now().minusSeconds(5).toString(), 1, null, 42L,
                dir.resolve("shard_" + shard + "_of_2.log").toString(), null, null);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(base.resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The status line of a request written byte for byte (no client normalises the path). */
    private String raw(String requestLine) throws Exception {
        try (Socket s = new Socket(base.getHost(), base.getPort())) {
            OutputStream out = s.getOutputStream();
            out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
        }
    }

    @Test
    void bindsToLoopbackByDefaultAndPrintsItsUrl() {
        assertThat(BindAddress.parse("8080")).isEqualTo(new BindAddress("127.0.0.1", 8080));
        assertThat(BindAddress.parse("0.0.0.0:9").host()).isEqualTo("0.0.0.0");
        assertThat(BindAddress.parse("[::1]:9").host()).isEqualTo("::1");
        assertThat(base.getHost()).isEqualTo("127.0.0.1");
        assertThat(base.getPort()).isPositive();
        assertThat(errText.toString()).isEqualTo("augctl: dashboard at " + base + System.lineSeparator());
        assertThatThrownBy(() -> BindAddress.parse("localhost:http")).hasMessageContaining("'localhost:http'");
        assertThatThrownBy(() -> BindAddress.parse("70000")).hasMessageContaining("70000");
    }

    @Test
    void anotherHostIsAnnouncedWithAWarningAndABusyPortIsBadInput() throws Exception {
        StringWriter err = new StringWriter();
        DashboardSettings wide = new DashboardSettings(BindAddress.parse("0.0.0.0:0"), dir, dir.resolve("m.csv"), "combo",
                "rows", Duration.ofSeconds(1));
        try (DashboardServer d = DashboardServer.start(wide, new PrintWriter(err, true))) {
            assertThat(err.toString()).contains("warning: the dashboard listens on 0.0.0.0: other machines can read it");
        }
        DashboardSettings busy = new DashboardSettings(BindAddress.parse("127.0.0.1:" + base.getPort()), dir,
                dir.resolve("m.csv"), "combo", "rows", Duration.ofSeconds(1));
        assertThatThrownBy(() -> DashboardServer.start(busy, new PrintWriter(new StringWriter())))
                .isInstanceOf(AugctlException.class).hasMessageContaining("cannot serve the dashboard on 127.0.0.1:" + base.getPort());
    }

    @Test
    void servesThePageWithAPolicyThatAllowsOnlyItsOwnScript() throws Exception {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).contains("<title>augctl dashboard</title>").doesNotContain("http://", "https://")
                .doesNotContain("innerHTML", "insertAdjacentHTML", "document.write", "eval(");
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy).startsWith("default-src 'none'; script-src 'sha256-").contains("connect-src 'self'");
    }

    @Test
    void stateIsTheMonitorJsonDocument() throws Exception {
        assertThat(get("/api/state").statusCode()).isEqualTo(503);
        Snapshot s = snapshot(25.0, "combo_1_a");
        server.publish(s);
        StringWriter json = new StringWriter();
        MonitorView.json(new PrintWriter(json)).show(s);
        HttpResponse<String> state = get("/api/state");
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(state.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(state.body()).isEqualTo(json.toString().strip());
    }

    @Test
    void logTailIsTheLastLinesWithProgressBarStatesCollapsed() throws Exception {
        Files.writeString(dir.resolve("shard_0_of_2.log"), "first\nsecond <script>alert(1)</script>\n"
                + " 10%|#  | 1/10\r 50%|#####  | 5/10\r100%|##########| 10/10\nlast line\n");
        server.publish(snapshot(25.0, "combo_1_a"));
        JsonNode tail = Json.mapper().readTree(get("/api/shards/0/log?lines=3").body());
        assertThat(tail.get("lines")).extracting(JsonNode::asText)
                .containsExactly("second <script>alert(1)</script>", "100%|##########| 10/10", "last line");
        JsonNode all = Json.mapper().readTree(get("/api/shards/0/log").body());
        assertThat(all.get("lines")).hasSize(4);
        JsonNode missing = Json.mapper().readTree(get("/api/shards/1/log").body());
        assertThat(missing.get("lines")).isEmpty();
        assertThat(get("/api/shards/0/log?lines=x").statusCode()).isEqualTo(400);
    }

    @Test
    void badShardIndicesTraversalAndUnknownPathsAre404() throws Exception {
        server.publish(snapshot(25.0, "combo_1_a"));
        for (String path : List.of("/api/shards/2/log", "/api/shards/-1/log", "/api/shards/abc/log",
                "/api/shards/99999999999/log", "/api/shards/1e3/log", "/api/shards/%30/log", "/nope", "/api/state/x",
                "/api/shards/0/log/../../../../etc/passwd")) {
            assertThat(get(path).statusCode()).as(path).isEqualTo(404);
        }
        for (String target : List.of("/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/api/shards/0/..%2f..%2f..%2fetc%2fpasswd",
                "/api/shards/..%2F0/log", "/api/shards/0%2F..%2F1/log", "/.%2e/run.json", "/shard_0_of_2.log", "/run.json")) {
            assertThat(raw("GET " + target + " HTTP/1.1")).as(target).isIn("HTTP/1.1 404 Not Found", "HTTP/1.1 400 Bad Request");
        }
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(base.resolve("/api/state"))
                    .method(method, HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
        }
        server.publish(snapshot(25.0, "combo_1_a"));
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(base.resolve("/api/state"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValueAsLong("Content-Length").orElse(0)).isPositive();
    }

    @Test
    void historyIsReadLenientlyAndMissingIsEmpty() throws Exception {
        assertThat(get("/api/history").body()).isEqualTo("[]");
        Files.writeString(dir.resolve("history.jsonl"), "{\"kind\":\"combo\",\"combo\":\"combo_1_synonym\",\"seconds\":1.5}\n"
                + "not json\n\n[1]\n{\"kind\":\"combo\",\"combo\":\"combo_1_typo\",\"seconds\":2}\n{\"kind\":\"co");
        JsonNode h = Json.mapper().readTree(get("/api/history").body());
        assertThat(h).extracting(n -> n.get("combo").asText()).containsExactly("combo_1_synonym", "combo_1_typo");
        assertThat(h.get(1).get("seconds").asDouble()).isEqualTo(2.0);
    }

    @Test
    void mergeStatisticsOnceTheMergedManifestExists() throws Exception {
        assertThat(Json.mapper().readTree(get("/api/merge").body()).get("exists").asBoolean()).isFalse();
        Files.createDirectories(dir.resolve("out"));
        Files.writeString(dir.resolve("out/manifest_final.csv"), "combo,rows,path\nc1,10,a\nc2,4,b\n\"c,3\",25,c\n");
        JsonNode m = Json.mapper().readTree(get("/api/merge").body());
        assertThat(m.get("exists").asBoolean()).isTrue();
        assertThat(m.get("combos").asLong()).isEqualTo(3);
        assertThat(m.get("rows").asLong()).isEqualTo(39);
        assertThat(m.get("min_combo").asText()).isEqualTo("c2");
        assertThat(m.get("max_combo").asText()).isEqualTo("c,3");
        Files.writeString(dir.resolve("out/manifest_final.csv"), "name,count\nc1,10\n");
        assertThat(Json.mapper().readTree(get("/api/merge").body()).get("error").asText()).contains("no column 'combo'");
    }

    @Test
    void eventStreamSendsTheStateAtOnceAndThenEachPublish() throws Exception {
        server.publish(snapshot(25.0, "combo_1_a"));
        HttpResponse<Stream<String>> r = http.send(HttpRequest.newBuilder(base.resolve("/events")).build(),
                HttpResponse.BodyHandlers.ofLines());
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/event-stream; charset=utf-8");
        Iterator<String> lines = r.body().iterator();
        assertThat(nextData(lines, "state").get("shards").get(0).get("progress").asDouble()).isEqualTo(25.0);
        JsonNode timeline = nextData(lines, "timeline");
        assertThat(timeline.get("lanes")).hasSize(2);
        long before = System.nanoTime();
        CompletableFuture.runAsync(() -> server.publish(snapshot(75.0, "combo_2_a")),
                CompletableFuture.delayedExecutor(200, TimeUnit.MILLISECONDS));
        assertThat(nextData(lines, "state").get("shards").get(0).get("progress").asDouble()).isEqualTo(75.0);
        assertThat(Duration.ofNanos(System.nanoTime() - before)).isLessThan(Duration.ofSeconds(5));
        JsonNode lane = nextData(lines, "timeline").get("lanes").get(0);
        assertThat(lane.get("spans")).extracting(n -> n.get("combo").asText() + ":" + n.get("state").asText())
                .containsExactly("combo_1_a:done", "combo_2_a:running");
        r.body().close();
    }

    private static JsonNode nextData(Iterator<String> lines, String event) throws Exception {
        while (lines.hasNext()) {
            if (lines.next().equals("event: " + event)) {
                String data = lines.next();
                assertThat(data).startsWith("data: ");
                return Json.mapper().readTree(data.substring(6));
            }
        }
        throw new AssertionError("the stream ended before an event " + event);
    }

    @Test
    void loopbackIsWhatTheDefaultAddressResolvesTo() throws Exception {
        assertThat(InetAddress.getByName(BindAddress.parse("1").host()).isLoopbackAddress()).isTrue();
    }
}
