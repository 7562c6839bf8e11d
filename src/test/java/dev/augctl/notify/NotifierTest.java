package dev.augctl.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.common.Json;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NotifierTest {
    private static final String TOKEN = "T0KEN-s3cret";
    private final StringWriter err = new StringWriter();

    private static NotifyEvent failed() {
        return new NotifyEvent("augctl: shard 1/2 failed", "shard 1/2 of run r1 on h failed: exit 1", "failure",
                "shard_failed", "r1", "h", 1, "combo_2_x", 1, 120L, 30L, 10L, null, null,
                List.of("line 1", "Traceback <b>boom</b>"));
    }

    private Notifier notifier(Sink sink, String scheme, String path, Duration timeout) {
        return new Notifier(List.of(NotifyTarget.parse(sink.url(scheme, path))), new PrintWriter(err, true),
                timeout, Duration.ofMillis(100));
    }

    @Test
    void genericJsonIsAppriseCompatibleWithTheRunsFields() throws Exception {
        try (Sink sink = new Sink(200); Notifier n = notifier(sink, "http", "/hook?token=" + TOKEN, Duration.ofSeconds(5))) {
            n.send(failed());
            Sink.Request r = sink.next();
            assertThat(r.method()).isEqualTo("POST");
            assertThat(r.path()).isEqualTo("/hook?token=" + TOKEN);
            assertThat(r.header("Content-Type")).isEqualTo("application/json");
            JsonNode body = Json.mapper().readTree(r.body());
            assertThat(body.get("version").asText()).isEqualTo("1.0");
            assertThat(body.get("type").asText()).isEqualTo("failure");
            assertThat(body.get("title").asText()).isEqualTo("augctl: shard 1/2 failed");
            assertThat(body.get("event").asText()).isEqualTo("shard_failed");
            assertThat(body.get("shard").asInt()).isEqualTo(1);
            assertThat(body.get("combo").asText()).isEqualTo("combo_2_x");
            assertThat(body.get("log_tail")).hasSize(2);
            assertThat(body.fieldNames()).toIterable().contains("version", "title", "message", "type", "event", "run_id",
                    "host", "shard", "combo", "attempt", "rows", "elapsed_s", "eta_s", "manifest", "log_tail");
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void slackGetsOneTextFieldWithTheLogQuoted() throws Exception {
        try (Sink sink = new Sink(200); Notifier n = notifier(sink, "slack+http", "/services/T1/B2/" + TOKEN, Duration.ofSeconds(5))) {
            n.send(failed());
            Sink.Request r = sink.next();
            assertThat(r.path()).isEqualTo("/services/T1/B2/" + TOKEN);
            JsonNode body = Json.mapper().readTree(r.body());
            assertThat(body.size()).isEqualTo(1);
            assertThat(body.get("text").asText()).isEqualTo("*augctl: shard 1/2 failed*\nshard 1/2 of run r1 on h failed: exit 1"
                    + "\n```\nline 1\nTraceback &lt;b&gt;boom&lt;/b&gt;\n```");
        }
    }

    @Test
    void ntfyGetsPlainTextAndATitleHeader() throws Exception {
        try (Sink sink = new Sink(200); Notifier n = notifier(sink, "ntfy+http", "/augctl-runs", Duration.ofSeconds(5))) {
            n.send(failed());
            Sink.Request r = sink.next();
            assertThat(r.path()).isEqualTo("/augctl-runs");
            assertThat(r.header("Title")).isEqualTo("augctl: shard 1/2 failed");
            assertThat(r.header("Priority")).isEqualTo("high");
            assertThat(r.header("Content-Type")).startsWith("text/plain");
            assertThat(r.body()).isEqualTo("shard 1/2 of run r1 on h failed: exit 1\n\nline 1\nTraceback <b>boom</b>");
        }
    }

    @Test
    void aFailedTryIsRetriedAndTheEventDeliveredOnce() throws Exception {
        try (Sink sink = new Sink(500, 200); Notifier n = notifier(sink, "http", "/hook", Duration.ofSeconds(5))) {
            n.send(failed());
            assertThat(sink.next().body()).contains("shard_failed");
            assertThat(sink.next().body()).contains("shard_failed");
            n.close(Duration.ofSeconds(5));
            assertThat(sink.received.poll(500, TimeUnit.MILLISECONDS)).isNull();
        }
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void anEndpointThatKeepsFailingGetsThreeTriesAndOneRedactedWarning() throws Exception {
        try (Sink sink = new Sink(500); Notifier n = notifier(sink, "http", "/hook/" + TOKEN, Duration.ofSeconds(5))) {
            n.send(failed());
            n.send(failed());
            for (int i = 0; i < 6; i++) {
                sink.next();
            }
            n.close(Duration.ofSeconds(5));
            assertThat(sink.received).isEmpty();
        }
        assertThat(err.toString()).doesNotContain(TOKEN).contains("augctl: warning: notification to http://127.0.0.1:")
                .contains("/***: shard_failed not delivered after 3 tries: HTTP 500");
        assertThat(err.toString().lines()).hasSize(1);
    }

    @Test
    void anEndpointThatNeverAnswersHoldsNothingUp() throws Exception {
        try (Sink sink = new Sink(0)) {
            Notifier n = notifier(sink, "http", "/hook", Duration.ofMillis(300));
            long start = System.nanoTime();
            n.send(failed());
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
            n.close(Duration.ofMillis(200));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            sink.next();
        }
    }

    @Test
    void urlsAreRedactedAndBadOnesNamedWithoutTheirSecrets() {
        assertThat(NotifyTarget.redact("slack+https://hooks.slack.com/services/T0/B0/" + TOKEN)).isEqualTo("slack+https://hooks.slack.com/***");
        assertThat(NotifyTarget.redact("https://user:" + TOKEN + "@example.com:8443/x?t=1")).isEqualTo("https://example.com:8443/***");
        assertThat(NotifyTarget.redact("ntfy+https://ntfy.sh/" + TOKEN)).isEqualTo("ntfy+https://ntfy.sh/***");
        assertThat(NotifyTarget.redact("https://example.com")).isEqualTo("https://example.com");
        assertThat(NotifyTarget.parse("https://example.com/" + TOKEN).toString()).isEqualTo("https://example.com/***");
        assertThat(NotifyTarget.parse("ntfy+https://ntfy.sh/topic").endpoint().toString()).isEqualTo("https://ntfy.sh/topic");
        assertThat(NotifyTarget.parse("slack+https://hooks.slack.com/a").format()).isEqualTo(NotifyTarget.Format.SLACK);
        assertThatThrownBy(() -> NotifyTarget.parse("ftp://example.com/" + TOKEN))
                .hasMessage("'ftp://example.com/***' is not a notification URL: use https://… (JSON), "
                        + "slack+https://… (Slack webhook) or ntfy+https://host/topic (ntfy)");
        assertThatThrownBy(() -> NotifyTarget.parse("ntfy+https://ntfy.sh")).hasMessageContaining("names no topic");
        assertThatThrownBy(() -> NotifyTarget.parse("https:///" + TOKEN)).hasMessageNotContaining(TOKEN);
    }
}
