package dev.augctl.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.PackagedJar;
import dev.augctl.common.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code augctl monitor --serve 0} (the packaged jar) serves the same document as {@code monitor --json} until stopped. */
class MonitorServeIT {
    @TempDir
    Path dir;

    @Test
    void servesTheMonitorDocumentUntilStopped() throws Exception {
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Files.writeString(logs.resolve("shard_0_of_1.log"), "2026-11-30T01:00:00.000Z INFO  shard 0/1: assigned 2 combos: x\n"
                + "2026-11-30T01:00:01.000Z INFO  combo 1/2 start: combo_1_a\n");
        PackagedJar.Result json = PackagedJar.run(dir, "monitor", "--log-dir", logs.toString(), "--json");
        assertThat(json.exitCode()).as(json.err()).isZero();
        Process p = new ProcessBuilder(PackagedJar.java(), "-jar", PackagedJar.jar().toString(), "monitor", "--log-dir",
                logs.toString(), "--serve", "0", "--interval", "1").redirectError(dir.resolve("err.txt").toFile())
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        try {
            Matcher m = Pattern.compile("dashboard at (http://127\\.0\\.0\\.1:\\d+/)").matcher("");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!m.reset(Files.readString(dir.resolve("err.txt"))).find()) {
                assertThat(System.nanoTime()).as("the URL on stderr").isLessThan(deadline);
                Thread.sleep(100);
            }
            URI state = URI.create(m.group(1)).resolve("/api/state");
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> r;
            do {
                r = http.send(HttpRequest.newBuilder(state).build(), HttpResponse.BodyHandlers.ofString());
                Thread.sleep(100);
            } while (r.statusCode() == 503 && System.nanoTime() < deadline);
            JsonNode served = Json.mapper().readTree(r.body());
            JsonNode printed = Json.mapper().readTree(json.out());
            assertThat(served.get("shards").get(0).get("current").asText()).isEqualTo("combo_1_a");
            ((com.fasterxml.jackson.databind.node.ObjectNode) served).remove("time");
            ((com.fasterxml.jackson.databind.node.ObjectNode) printed).remove("time");
            ((com.fasterxml.jackson.databind.node.ObjectNode) served.get("shards").get(0)).remove("eta_seconds");
            ((com.fasterxml.jackson.databind.node.ObjectNode) printed.get("shards").get(0)).remove("eta_seconds");
            // the ETAs count from the moment each document was made
            ((com.fasterxml.jackson.databind.node.ObjectNode) served.get("summary")).remove("eta_seconds");
            ((com.fasterxml.jackson.databind.node.ObjectNode) printed.get("summary")).remove("eta_seconds");
            assertThat(served).isEqualTo(printed);
            assertThat(Files.readString(dir.resolve("out.txt"))).as("no table without --follow").isEmpty();
            p.destroy();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isEqualTo(143);
        } finally {
            p.destroyForcibly();
        }
    }
}
