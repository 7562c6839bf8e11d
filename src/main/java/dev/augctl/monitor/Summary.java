package dev.augctl.monitor;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * The line under the table: how many shards are in each state, the rows so far, and when the whole
 * run should be done ({@code etaSeconds}: 0 when nothing is left to run, null when unknown), and
 * whether that ETA is rough ({@code etaRough}: no combo of the run has finished yet, so no rate
 * of this run is measured), the run's combos done and in all ({@code combosTotal}: the run's count that shards of the dynamic
 * schedule log, else the sum of the shards' assigned counts; null until every shard has told).
 */
@JsonPropertyOrder({"shards", "completed", "running", "finishing", "stalled", "pending", "failed", "interrupted", "rows",
    "eta_seconds", "eta_rough", "combos_done", "combos_total"})
public record Summary(
        @JsonProperty("shards") int shards,
        @JsonProperty("completed") int completed,
        @JsonProperty("running") int running,
        @JsonProperty("finishing") int finishing,
        @JsonProperty("stalled") int stalled,
        @JsonProperty("pending") int pending,
        @JsonProperty("failed") int failed,
        @JsonProperty("interrupted") int interrupted,
        @JsonProperty("rows") long rows,
        @JsonProperty("eta_seconds") Double etaSeconds,
        @JsonProperty("eta_rough") boolean etaRough,
        @JsonProperty("combos_done") int combosDone,
        @JsonProperty("combos_total") Integer combosTotal) {

    /** A summary whose ETA is not rough. */
    public Summary(int shards, int completed, int running, int finishing, int stalled, int pending, int failed,
            int interrupted, long rows, Double etaSeconds, int combosDone, Integer combosTotal) {
        this(shards, completed, running, finishing, stalled, pending, failed, interrupted, rows, etaSeconds, false,
                combosDone, combosTotal);
    }

    /** Whether every shard has ended. */
    public boolean allEnded() {
        return running + finishing + stalled + pending == 0;
    }

    /** Whether every shard has ended and some were stopped before their end (Ctrl-C, SIGTERM, augctl stop). */
    public boolean stopped() {
        return allEnded() && interrupted > 0;
    }

    /** Whether every shard succeeded. */
    public boolean allSucceeded() {
        return completed == shards;
    }
}
