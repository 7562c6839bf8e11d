package dev.augctl.monitor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One shard as the monitor shows it: a row of the table, an element of the JSON document.
 *
 * @param shard        0-based shard index
 * @param status       running, stalled, pending, succeeded, failed or interrupted
 * @param progress     percent done (0 to 100), null when the log does not tell yet
 * @param combosDone   combos finished in the latest attempt
 * @param combosTotal  combos assigned to the shard, null until logged
 * @param current      the combo running now, or null
 * @param etaSeconds   seconds left (0 when done), null when unknown
 * @param rows         rows kept so far
 * @param cpuPercent   CPU % of the shard's process tree (100 = one core), when known
 * @param rssBytes     resident memory of the tree, when known
 * @param lastUpdate   when the log last changed (ISO-8601 UTC)
 * @param error        the error that ended the shard, or the last unresolved one
 * @param startedAt    when the latest attempt started (ISO-8601 UTC)
 * @param attempts     attempts: from run.json, else those the log shows
 * @param exitCode     exit code of the latest attempt (from run.json), when known
 * @param pid          process id (from run.json), when known
 * @param log          the log file
 */
@JsonPropertyOrder({"shard", "state", "progress", "combos_done", "combos_total", "current", "eta_seconds",
    "rows", "cpu_percent", "rss_bytes", "last_update", "error", "started_at", "attempts", "exit_code", "pid", "log"})
public record ShardRow(
        @JsonProperty("shard") int shard,
        @JsonProperty("state") Status status,
        @JsonProperty("progress") Double progress,
        @JsonProperty("combos_done") int combosDone,
        @JsonProperty("combos_total") Integer combosTotal,
        @JsonProperty("current") String current,
        @JsonProperty("eta_seconds") Long etaSeconds,
        @JsonProperty("rows") long rows,
        @JsonProperty("cpu_percent") Double cpuPercent,
        @JsonProperty("rss_bytes") Long rssBytes,
        @JsonProperty("last_update") String lastUpdate,
        @JsonProperty("error") String error,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("attempts") Integer attempts,
        @JsonProperty("exit_code") Integer exitCode,
        @JsonProperty("pid") Long pid,
        @JsonProperty("log") String log) {
}
