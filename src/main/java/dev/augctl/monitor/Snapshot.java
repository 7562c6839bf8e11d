package dev.augctl.monitor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/** One refresh of the monitor: when, from where, every shard, and the summary. */
@JsonPropertyOrder({"time", "log_dir", "run_state", "shards", "summary"})
public record Snapshot(
        @JsonProperty("time") String time,
        @JsonProperty("log_dir") String logDir,
        @JsonProperty("run_state") String runState,
        @JsonProperty("shards") List<ShardRow> shards,
        @JsonProperty("summary") Summary summary) {
}
