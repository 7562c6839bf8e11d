package dev.augctl.notify;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * One event of a run as sent to a generic endpoint and to {@code --on-event} commands: Apprise's
 * {@code version}, {@code title}, {@code message} and {@code type}, then augctl's fields (null when
 * they do not apply).
 */
@JsonPropertyOrder({"version", "title", "message", "type", "event", "run_id", "host", "shard", "combo", "attempt",
    "rows", "elapsed_s", "eta_s", "manifest", "merge", "log_tail"})
@JsonInclude(JsonInclude.Include.ALWAYS)
public record NotifyEvent(
        @JsonProperty("title") String title,
        @JsonProperty("message") String message,
        @JsonProperty("type") String type,
        @JsonProperty("event") String event,
        @JsonProperty("run_id") String runId,
        @JsonProperty("host") String host,
        @JsonProperty("shard") Integer shard,
        @JsonProperty("combo") String combo,
        @JsonProperty("attempt") Integer attempt,
        @JsonProperty("rows") Long rows,
        @JsonProperty("elapsed_s") Long elapsedSeconds,
        @JsonProperty("eta_s") Long etaSeconds,
        @JsonProperty("manifest") String manifest,
        @JsonProperty("merge") Object merge,
        @JsonProperty("log_tail") List<String> logTail) {

    /** The version of Apprise's JSON notification format. */
    @JsonProperty("version")
    public String version() {
        return "1.0";
    }
}
