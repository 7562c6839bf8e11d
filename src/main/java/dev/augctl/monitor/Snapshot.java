package dev.augctl.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.augctl.gpu.GpuSample;
import java.util.List;

/**
 * One refresh of the monitor: when, from where, every shard, the summary, and every GPU when
 * nvidia-smi answered ({@code gpus}, absent from JSON otherwise).
 */
@JsonPropertyOrder({"time", "log_dir", "run_state", "shards", "summary", "gpus"})
public record Snapshot(
        @JsonProperty("time") String time,
        @JsonProperty("log_dir") String logDir,
        @JsonProperty("run_state") String runState,
        @JsonProperty("shards") List<ShardRow> shards,
        @JsonProperty("summary") Summary summary,
        @JsonProperty("gpus") @JsonInclude(JsonInclude.Include.NON_NULL) List<GpuSample.Device> gpus) {

    /** A snapshot without GPUs. */
    public Snapshot(String time, String logDir, String runState, List<ShardRow> shards, Summary summary) {
        this(time, logDir, runState, shards, summary, null);
    }

    /** The same snapshot with other shard rows (a filtered view). */
    public Snapshot withShards(List<ShardRow> rows) {
        return new Snapshot(time, logDir, runState, rows, summary, gpus);
    }
}
