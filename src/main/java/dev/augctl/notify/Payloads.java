package dev.augctl.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.augctl.common.Json;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The HTTP request each format makes of an event. */
final class Payloads {
    /** Log lines quoted in a Slack or ntfy message (the generic body carries all of them). */
    static final int QUOTED_LINES = 20;

    private Payloads() {
    }

    static HttpRequest request(NotifyTarget target, NotifyEvent e, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(target.endpoint()).timeout(timeout)
                .header("User-Agent", "augctl");
        return switch (target.format()) {
            case JSON -> b.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(e))).build();
            case SLACK -> b.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("text", slackText(e))))).build();
            case NTFY -> b.header("Content-Type", "text/plain; charset=utf-8")
                    .header("Title", ascii(e.title()))
                    .header("Tags", e.type().equals("failure") ? "warning" : e.type().equals("success") ? "white_check_mark" : "information_source")
                    .header("Priority", e.type().equals("failure") ? "high" : "default")
                    .POST(HttpRequest.BodyPublishers.ofString(plainText(e))).build();
        };
    }

    static String json(Object value) {
        try {
            return Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static String slackText(NotifyEvent e) {
        StringBuilder b = new StringBuilder("*").append(slackEscape(e.title())).append("*\n").append(slackEscape(e.message()));
        List<String> tail = quoted(e);
        if (!tail.isEmpty()) {
            b.append("\n```\n").append(slackEscape(String.join("\n", tail)).replace("```", "'''")).append("\n```");
        }
        return b.toString();
    }

    static String plainText(NotifyEvent e) {
        StringBuilder b = new StringBuilder(e.message());
        List<String> tail = quoted(e);
        if (!tail.isEmpty()) {
            b.append("\n\n").append(String.join("\n", tail));
        }
        return b.toString();
    }

    private static List<String> quoted(NotifyEvent e) {
        List<String> tail = e.logTail() == null ? List.of() : e.logTail();
        return tail.subList(Math.max(0, tail.size() - QUOTED_LINES), tail.size());
    }

    /** Slack's three control characters in message text. */
    private static String slackEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** HTTP header values are ASCII: anything else becomes '?'. */
    private static String ascii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        return b.toString();
    }
}
