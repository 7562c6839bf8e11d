package dev.augctl.monitor;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param gpuMemoryMib GPU memory of the tree, MiB, when nvidia-smi answered (absent from JSON otherwise)
 * @param gpuSmPercent SM % of the tree summed over its processes, when nvidia-smi's pmon answered
 */
@JsonPropertyOrder({"shard", "state", "progress", "combos_done", "combos_total", "current", "eta_seconds",
    "rows", "cpu_percent", "rss_bytes", "last_update", "error", "started_at", "attempts", "exit_code", "pid", "log",
    "gpu_memory_mib", "gpu_sm_percent"})
public record ShardRow(
        @JsonProperty("shard") int shard,
        @JsonProperty("state") Status status,
        @JsonProperty("progress") Double progress,
        @JsonProperty("combos_done") int combosDone,
        @JsonProperty("combos_total") Integer combosTotal,
        @JsonProperty("current") String current,
        @JsonProperty("eta_seconds") Double etaSeconds,
        @JsonProperty("rows") long rows,
        @JsonProperty("cpu_percent") Double cpuPercent,
        @JsonProperty("rss_bytes") Long rssBytes,
        @JsonProperty("last_update") String lastUpdate,
        @JsonProperty("error") String error,
        @JsonProperty("started_at") String startedAt,
        @JsonProperty("attempts") Integer attempts,
        @JsonProperty("exit_code") Integer exitCode,
        @JsonProperty("pid") Long pid,
        @JsonProperty("log") String log,
        @JsonProperty("gpu_memory_mib") @JsonInclude(JsonInclude.Include.NON_NULL) Long gpuMemoryMib,
        @JsonProperty("gpu_sm_percent") @JsonInclude(JsonInclude.Include.NON_NULL) Integer gpuSmPercent) {

    /** A row without GPU figures. */
    public ShardRow(int shard, Status status, Double progress, int combosDone, Integer combosTotal, String current,
            Double etaSeconds, long rows, Double cpuPercent, Long rssBytes, String lastUpdate, String error,
            String startedAt, Integer attempts, Integer exitCode, Long pid, String log) {
        this(shard, status, progress, combosDone, combosTotal, current, etaSeconds, rows, cpuPercent, rssBytes,
                lastUpdate, error, startedAt, attempts, exitCode, pid, log, null, null);
    }

    /** This row with another ETA. */
    public ShardRow withEta(Double seconds) {
        return new ShardRow(shard, status, progress, combosDone, combosTotal, current, seconds, rows, cpuPercent,
                rssBytes, lastUpdate, error, startedAt, attempts, exitCode, pid, log, gpuMemoryMib, gpuSmPercent);
    }

    /** This row with the GPU figures of its process tree. */
    public ShardRow withGpu(Long memoryMib, Integer smPercent) {
        return new ShardRow(shard, status, progress, combosDone, combosTotal, current, etaSeconds, rows, cpuPercent,
                rssBytes, lastUpdate, error, startedAt, attempts, exitCode, pid, log, memoryMib, smPercent);
    }
}
