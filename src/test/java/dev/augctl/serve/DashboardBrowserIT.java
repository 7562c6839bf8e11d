package dev.augctl.serve;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.PackagedJar;
import dev.augctl.common.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real browser (Debian's chromium, headless) reads the dashboard that {@code launch --serve}
 * serves during a real 2-shard run: one row per shard, progress that moves between two dumps, HTML
 * from a combo name and a log line shown as text; a screenshot is left in target/dashboard.png.
 */
class DashboardBrowserIT {
    private static final Pattern ROW = Pattern.compile("<tr data-shard=\"(\\d+)\">");
    private static final Pattern PROGRESS = Pattern.compile("<tr data-shard=\"(\\d+)\">.*?<span>([0-9.]+)%</span>");
    private static final Pattern URL = Pattern.compile("dashboard at (http://127\\.0\\.0\\.1:\\d+/)");

    @TempDir
    Path dir;

    @Test
    void aBrowserShowsTheLiveRunWithItsHtmlEscaped() throws Exception {
        Path worker = PackagedJar.home().resolve("src/test/resources/workers/combos.sh");
        Path config = dir.resolve("augctl.yaml");
        Files.writeString(config, "num_shards: 2\nlog_dir: \"" + dir.resolve("logs") + "\"\ncache_dir: \"" + dir.resolve("cache")
                + "\"\noutput_root: \"" + dir.resolve("out") + "\"\nmonitor: {interval: 1}\n"
                + "worker:\n  command: [\"/bin/sh\", \"" + worker + "\", \"3\", \"12\", \"0.5\"]\n");
        Path err = dir.resolve("launch.err");
        Process launch = new ProcessBuilder(PackagedJar.java(), "-jar", PackagedJar.jar().toString(), "launch",
                "--config", config.toString(), "--serve", "0").directory(dir.toFile())
                .redirectOutput(dir.resolve("launch.out").toFile()).redirectError(err.toFile()).start();
        try {
            URI url = URI.create(await(() -> find(URL, read(err)), "the dashboard's URL on stderr"));
            // Dump once combo 2 (whose name holds HTML, as does a log line before it) is running.
            await(() -> state(url).contains("combo_2_<script>") ? "yes" : null, "combo 2 to start");
            String first = chromium(url.resolve("/?poll&shard=0"), "--dump-dom");
            Thread.sleep(2500);
            String second = chromium(url.resolve("/?poll&shard=0"), "--dump-dom");
            Path shot = PackagedJar.home().resolve("target/dashboard.png");
            Files.deleteIfExists(shot);
            chromium(url.resolve("/?poll&shard=0"), "--window-size=1280,760", "--hide-scrollbars", "--screenshot=" + shot);

            for (String dom : List.of(first, second)) {
                assertThat(all(ROW, dom)).as("rows in %s (chromium's stderr: %s)", dom, read(dir.resolve("chromium.err")))
                        .containsExactly("0", "1");
                assertThat(dom).contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img/src=x/onerror=alert(2)&gt;")
                        .contains("a line with &lt;img src=x onerror=alert(3)&gt; and &lt;script&gt;alert(4)&lt;/script&gt;")
                        .doesNotContain("<img", "<script>alert");
                assertThat(dom).contains("id=\"run-state\" class=\"state running\">running<");
            }
            double[] before = progress(first);
            double[] after = progress(second);
            assertThat(after[0] + after[1]).as("progress moved between the dumps").isGreaterThan(before[0] + before[1]);
            assertThat(Files.readAllBytes(shot)).startsWith(0x89, 'P', 'N', 'G').hasSizeGreaterThan(10_000);
            assertThat(launch.waitFor(2, TimeUnit.MINUTES)).isTrue();
            assertThat(launch.exitValue()).as(read(err)).isZero();
        } finally {
            launch.descendants().forEach(ProcessHandle::destroyForcibly);
            launch.destroyForcibly();
        }
    }

    /**
     * Runs headless chromium on {@code page}. On this loaded 2-core machine chromium now and then
     * exits 0 having printed no DOM at all (its renderer gone); such a run is repeated, at most
     * three times in all: a page that renders wrongly still fails, a browser that printed nothing is
     * not the page's fault.
     */
    private String chromium(URI page, String... what) throws IOException, InterruptedException {
        String out = "";
        for (int attempt = 1; attempt <= 3 && out.isEmpty(); attempt++) {
            out = chromiumOnce(page, what);
            if (!List.of(what).contains("--dump-dom")) {
                break;
            }
        }
        return out;
    }

    private String chromiumOnce(URI page, String... what) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium");
        List<String> cmd = new ArrayList<>(List.of("chromium", "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--virtual-time-budget=3000"));
        cmd.addAll(List.of(what));
        cmd.add(page.toString());
        Path out = dir.resolve("chromium.out");
        Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(dir.resolve("chromium.err").toFile()).start();
        if (!p.waitFor(90, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new AssertionError("chromium did not end within 90 s: " + read(dir.resolve("chromium.err")));
        }
        assertThat(p.exitValue()).as(read(dir.resolve("chromium.err"))).isZero();
        return read(out);
    }

    private static double[] progress(String dom) {
        double[] p = new double[2];
        Matcher m = PROGRESS.matcher(dom);
        while (m.find()) {
            p[Integer.parseInt(m.group(1))] = Double.parseDouble(m.group(2));
        }
        return p;
    }

    private static String state(URI url) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/api/state")).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                return "";
            }
            JsonNode s = Json.mapper().readTree(r.body()).get("shards").get(0);
            return s.get("current").asText();
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    private static List<String> all(Pattern p, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static String await(java.util.function.Supplier<String> value, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String v = value.get();
            if (v != null) {
                return v;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("timed out after 60 s waiting for " + what);
    }
}
