package dev.augctl.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.CliRunner;
import dev.augctl.common.Json;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** launch --notify and --on-event with real shards (helper workers) and a loopback endpoint. */
class LaunchNotifyTest {
    private static final String TOKEN = "xoxb-T0KEN-s3cret";

    @TempDir
    Path dir;

    private static String worker(String name) {
        try {
            return Path.of(LaunchNotifyTest.class.getResource("/workers/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path config(String extra, String... command) throws Exception {
        return configNamed("augctl.yaml", extra, command);
    }

    private Path configNamed(String name, String extra, String... command) throws Exception {
        Path config = dir.resolve(name);
        String argv = java.util.Arrays.stream(command).map(s -> "\"" + s + "\"").collect(Collectors.joining(", "));
        Files.writeString(config, "num_shards: 2\nlog_dir: \"" + dir.resolve("logs") + "\"\ncache_dir: \""
                + dir.resolve("cache") + "\"\noutput_root: \"" + dir.resolve("out") + "\"\ngrace_period: 2\n"
                + extra + "worker:\n  command: [" + argv + "]\n");
        return config;
    }

    private static List<JsonNode> bodies(Sink sink, int n) throws Exception {
        List<JsonNode> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(Json.mapper().readTree(sink.next().body()));
        }
        return out;
    }

    @Test
    void eventsOfARunWithARetryReachEveryTargetAndTheCommandWithoutTheirUrls() throws Exception {
        Path events = dir.resolve("events.txt");
        try (Sink json = new Sink(200); Sink slack = new Sink(200)) {
            Path config = config("notify: [\"" + slack.url("slack+http", "/services/" + TOKEN) + "\"]\n",
                    "/bin/sh", worker("flaky.sh"), "{log}.count", "1");
            CliRunner.Result r = CliRunner.run("launch", "--config", config.toString(), "--max-retries", "1",
                    "--notify", json.url("http", "/hook/" + TOKEN),
                    "--on-event", "/bin/sh '" + worker("record-event.sh") + "' " + events);
            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            List<JsonNode> got = bodies(json, 4);
            assertThat(got).extracting(b -> b.get("event").asText())
                    .containsExactly("started", "shard_retried", "shard_retried", "finished");
            assertThat(got.get(0).get("run_id").asText()).isNotBlank();
            JsonNode retried = got.get(1);
            assertThat(retried.get("type").asText()).isEqualTo("warning");
            assertThat(retried.get("attempt").asInt()).isEqualTo(1);
            assertThat(retried.get("log_tail")).extracting(JsonNode::asText).contains("flaky run 1 fails");
            JsonNode finished = got.get(3);
            assertThat(finished.get("type").asText()).isEqualTo("success");
            assertThat(finished.get("message").asText()).contains("2 of 2 shards succeeded");
            for (int i = 0; i < 4; i++) {
                assertThat(Json.mapper().readTree(slack.next().body()).get("text").asText()).startsWith("*augctl: ");
            }
            List<String> lines = Files.readAllLines(events);
            assertThat(lines).extracting(l -> l.substring(0, l.indexOf('\t')))
                    .containsExactly("started", "shard_retried", "shard_retried", "finished");
            assertThat(Json.mapper().readTree(lines.get(3).substring(lines.get(3).indexOf('\t') + 1)).get("event").asText())
                    .isEqualTo("finished");
            assertThat(r.out() + r.err()).doesNotContain(TOKEN);
            assertThat(Files.readString(dir.resolve("logs/run.json"))).doesNotContain(TOKEN);
        }
    }

    @Test
    void aFailedShardSendsItsLogTail() throws Exception {
        try (Sink sink = new Sink(200)) {
            Path config = config("", "/bin/sh", worker("exit.sh"), "{shard}", "0", "3");
            CliRunner.Result r = CliRunner.run("launch", "--config", config.toString(), "--notify", sink.url("http", "/h"));
            assertThat(r.exitCode()).isEqualTo(1);
            List<JsonNode> got = bodies(sink, 3);
            JsonNode failed = got.stream().filter(b -> b.get("event").asText().equals("shard_failed")).findFirst().orElseThrow();
            assertThat(failed.get("shard").asInt()).isEqualTo(1);
            assertThat(failed.get("type").asText()).isEqualTo("failure");
            assertThat(failed.get("message").asText()).contains("shard 1/2").contains("exit 3");
            assertThat(failed.get("log_tail")).extracting(JsonNode::asText).contains("shard 1 exits with 3");
            assertThat(got.get(2).get("event").asText()).isEqualTo("finished");
            assertThat(got.get(2).get("type").asText()).isEqualTo("failure");
        }
    }

    @Test
    void finishedCarriesTheMergeStatisticsWithMerge() throws Exception {
        try (Sink sink = new Sink(200)) {
            Path config = config("", "/bin/sh", worker("manifest.sh"), "{output_root}", "{shard}", "{num_shards}");
            CliRunner.Result r = CliRunner.run("launch", "--config", config.toString(), "--merge", "--notify", sink.url("http", "/h"));
            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            JsonNode finished = bodies(sink, 2).get(1);
            assertThat(finished.get("event").asText()).isEqualTo("finished");
            assertThat(finished.get("manifest").asText()).isEqualTo(dir.resolve("out/manifest_final.csv").toString());
            assertThat(finished.get("merge").get("combos").asLong()).isEqualTo(2);
            assertThat(finished.get("merge").get("rows").asLong()).isEqualTo(30);
            assertThat(finished.get("message").asText()).contains("merged 2 combos, 30 rows into ");
        }
    }

    @Test
    void anEndpointThatNeverAnswersDoesNotHoldTheRunUp() throws Exception {
        Path config = config("", "/bin/sh", worker("exit.sh"), "{shard}", "0", "0");
        long t0 = System.nanoTime();
        assertThat(CliRunner.run("launch", "--config", config.toString()).exitCode()).isZero();
        Duration alone = Duration.ofNanos(System.nanoTime() - t0);
        try (Sink sink = new Sink(0)) {
            long t1 = System.nanoTime();
            CliRunner.Result r = CliRunner.run("launch", "--config", config.toString(), "--notify", sink.url("http", "/" + TOKEN));
            Duration withSink = Duration.ofNanos(System.nanoTime() - t1);
            assertThat(r.exitCode()).isZero();
            assertThat(withSink).isLessThan(alone.plus(RunNotifications.END_GRACE).plusSeconds(2));
            assertThat(sink.next().body()).contains("\"event\":\"started\"");
            assertThat(r.err()).doesNotContain(TOKEN);
        }
    }

    @Test
    void dryRunShowsTheTargetsRedactedAndBadUrlsAreUsageErrors() throws Exception {
        Path config = config("notify: [\"ntfy+https://ntfy.sh/" + TOKEN + "\"]\n", "/bin/sh", worker("exit.sh"), "{shard}");
        CliRunner.Result dry = CliRunner.run("launch", "--config", config.toString(), "--dry-run", "--serve", "0",
                "--notify", "slack+https://hooks.slack.com/services/" + TOKEN);
        assertThat(dry.exitCode()).as(dry.err()).isZero();
        assertThat(dry.out()).contains("notify: ntfy+https://ntfy.sh/*** (ntfy)", "notify: slack+https://hooks.slack.com/*** (slack)",
                "dashboard: would serve on 127.0.0.1:0").doesNotContain(TOKEN);
        assertThat(Files.exists(dir.resolve("logs"))).isFalse();

        CliRunner.Result bad = CliRunner.run("launch", "--config", config.toString(), "--notify", "smtp://mail/" + TOKEN);
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--notify: 'smtp://mail/***' is not a notification URL").doesNotContain(TOKEN);
        Path badConfig = configNamed("bad.yaml", "notify: [\"hooks.slack.com/" + TOKEN + "\"]\n", "/bin/sh", worker("exit.sh"), "{shard}");
        CliRunner.Result fromConfig = CliRunner.run("launch", "--config", badConfig.toString());
        assertThat(fromConfig.exitCode()).isEqualTo(2);
        assertThat(fromConfig.err()).contains(badConfig + ": notify: '***' is not a notification URL").doesNotContain(TOKEN);
        CliRunner.Result badServe = CliRunner.run("launch", "--config", config.toString(), "--serve", "host:port");
        assertThat(badServe.exitCode()).isEqualTo(2);
        assertThat(badServe.err()).contains("--serve: expected [HOST:]PORT");
        assertThat(Files.exists(dir.resolve("logs"))).isFalse();
        String help = CliRunner.run("launch", "--help").out();
        assertThat(help).contains("--notify=URL", "--serve=PORT", "--on-event=CMD");
        assertThat(help.substring(help.indexOf("      --notify=URL"), help.indexOf("      --on-event=CMD"))).doesNotContain("Default")
                .doesNotContain("hooks.slack.com/services");
        assertThat(Set.of(CliRunner.run("monitor", "--help").out())).allMatch(h -> h.contains("--serve=PORT"));
    }
}
