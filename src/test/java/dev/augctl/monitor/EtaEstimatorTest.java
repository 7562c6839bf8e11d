package dev.augctl.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ETA of shards and runs from shard logs in the built-in worker's format and a duration history. */
class EtaEstimatorTest {
    @TempDir
    Path dir;

    private Snapshot refresh(int shards) throws Exception {
        MonitorSettings s = new MonitorSettings(dir, shards, shards, null, Duration.ofSeconds(1), Duration.ofMinutes(10));
        return new Monitor(s, PatternSet.defaults(), Clock.systemDefaultZone(), 1).refresh();
    }

    private void log(int shard, int n, String text) throws Exception {
        WorkerLogs.append(dir.resolve("shard_" + shard + "_of_" + n + ".log"), text);
    }

    private static String combo(int index, int total, String name, long startedAgo, long doneAgo) {
        return WorkerLogs.info(startedAgo, "combo " + index + "/" + total + " start: " + name)
                + WorkerLogs.info(doneAgo, "combo " + index + "/" + total + " progress: 100/100 rows (100.0%)")
                + WorkerLogs.info(doneAgo, "combo " + index + "/" + total + " done: " + name + " rows=200 rejected=0 seconds=1");
    }

    private void history(String... lines) throws Exception {
        WorkerLogs.append(dir.resolve("history.jsonl"), String.join("\n", lines) + "\n");
    }

    private static String entry(String combo, double seconds) {
        return "{\"kind\":\"combo\",\"run_id\":\"r1\",\"worker\":\"augctl generate\",\"combo\":\"" + combo
                + "\",\"methods\":\"" + combo.substring("combo_1_".length()) + "\",\"shard\":0,\"num_shards\":1,\"seconds\":" + seconds + "}";
    }

    @Test
    void aComboNotStartedTakesTheRateOfItsMethodInAnotherShard() throws Exception {
        // shard 1 (rows split across shards, the same combos in each): slow took 50 s for 100 rows, fast 5 s
        log(1, 2, WorkerLogs.info(90, "shard 1/2: assigned 2 combos: combo_1_slow, combo_1_fast")
                + combo(1, 2, "combo_1_slow", 80, 30) + combo(2, 2, "combo_1_fast", 30, 25)
                + WorkerLogs.info(25, "shard 1/2 complete: 2 combos, 400 rows, 65.0 s"));
        // shard 0 did fast (5 s) and is 10 s into slow, with no progress to go on yet
        log(0, 2, WorkerLogs.info(30, "shard 0/2: assigned 2 combos: combo_1_fast, combo_1_slow")
                + combo(1, 2, "combo_1_fast", 20, 15)
                + WorkerLogs.info(10, "combo 2/2 start: combo_1_slow")
                + WorkerLogs.info(9, "combo 2/2 progress: 0/100 rows (0.0%)"));
        ShardRow r = refresh(2).shards().get(0);
        // slow's rate in shard 1: 0.5 s a row, 50 s for 100 rows, 10 s of which have passed
        // (the run's average rate, 60 s over 300 rows, would say 10 s)
        assertThat(r.etaSeconds()).isBetween(38.0, 42.0);
    }

    @Test
    void combosNotStartedAreEstimatedFromTheHistory() throws Exception {
        history(entry("combo_1_x", 30), entry("combo_1_y", 60));
        log(0, 1, WorkerLogs.info(6, "shard 0/1: assigned 2 combos: combo_1_x, combo_1_y")
                + WorkerLogs.info(5, "combo 1/2 start: combo_1_x") + WorkerLogs.info(3, "combo 1/2 progress: 0/100 rows (0.0%)"));
        Snapshot s = refresh(1);
        // x: 30 s, 5 of which have passed; y: 60 s
        assertThat(s.shards().get(0).etaSeconds()).isBetween(83.0, 87.0);
        assertThat(s.summary().etaSeconds()).isBetween(83.0, 87.0);
    }

    @Test
    void theRunsInputIsKnownByTheFingerprintRunJsonRecords_withoutReadingTheInput() throws Exception {
        // the same combos on two inputs: 30 / 60 s on input "aaa", ten times that on "bbb" (written last)
        history(onInput(entry("combo_1_x", 30), "aaa"), onInput(entry("combo_1_y", 60), "aaa"),
                onInput(entry("combo_1_x", 300), "bbb"), onInput(entry("combo_1_y", 600), "bbb"));
        dev.augctl.run.RunState run = new dev.augctl.run.RunState();
        run.numShards = 1;
        run.jobs = 1;
        run.startedAt = java.time.Instant.now().minusSeconds(6).toString();
        run.input = dir.resolve("gone.csv").toString(); // not there: the monitor must not need it
        run.inputSha256 = "aaa";
        run.inputRows = 100L;
        dev.augctl.run.ShardRecord r = new dev.augctl.run.ShardRecord(0);
        r.state = dev.augctl.run.ShardState.RUNNING;
        r.startedAt = run.startedAt;
        run.shards.add(r);
        run.write(dir.resolve("run.json"));
        log(0, 1, WorkerLogs.info(6, "shard 0/1: assigned 2 combos: combo_1_x, combo_1_y")
                + WorkerLogs.info(5, "combo 1/2 start: combo_1_x") + WorkerLogs.info(3, "combo 1/2 progress: 0/100 rows (0.0%)"));
        // x: 30 s, 5 of which have passed; y: 60 s (input "aaa", not the newer "bbb")
        assertThat(refresh(1).shards().get(0).etaSeconds()).isBetween(83.0, 87.0);
    }

    private static String onInput(String entry, String sha) {
        return entry.replace("\"seconds\"", "\"input_sha256\":\"" + sha + "\",\"input_rows\":100,\"seconds\"");
    }

    @Test
    void theHistoryIsScaledByThisRunsSpeed() throws Exception {
        history(entry("combo_1_x", 30), entry("combo_1_y", 60));
        // x took 60 s here, twice its history: y should take 120 s
        log(0, 1, WorkerLogs.info(62, "shard 0/1: assigned 2 combos: combo_1_x, combo_1_y")
                + combo(1, 2, "combo_1_x", 61, 1) + WorkerLogs.info(1, "combo 2/2 start: combo_1_y"));
        assertThat(refresh(1).shards().get(0).etaSeconds()).isBetween(117.0, 121.0);
    }

    @Test
    void earlyInAComboItsEstimateOutweighsItsOwnRate() throws Exception {
        history(entry("combo_1_w", 100), entry("combo_1_x", 100));
        // w took its history's 100 s in shard 1; x in shard 0 is 10 % done after 2 s
        log(1, 2, WorkerLogs.info(102, "shard 1/2: assigned 1 combos: combo_1_w") + combo(1, 1, "combo_1_w", 101, 1));
        log(0, 2, WorkerLogs.info(3, "shard 0/2: assigned 1 combos: combo_1_x")
                + WorkerLogs.info(2, "combo 1/1 start: combo_1_x") + WorkerLogs.info(0, "combo 1/1 progress: 10/100 rows (10.0%)"));
        // speed 102 s / (100 + 10) s = 0.93: x should take 93 s, 91 of which are left; its own rate says 18 s;
        // 10 % of the way, the estimate weighs 90 %: 0.1 x 18 + 0.9 x 91 = 83.7
        assertThat(refresh(2).shards().get(0).etaSeconds()).isBetween(81.0, 87.0);
    }

    @Test
    void aShardStartingUpWaitsAsLongAsTheSlowestStartUpSeen() throws Exception {
        // shard 1 started its first combo 20 s after its attempt began; shard 0 has been starting up for 5 s
        log(1, 2, "===== augctl launch: shard 1/2 attempt 1 at " + java.time.Instant.now().minusSeconds(30) + ": w =====\n"
                + WorkerLogs.info(25, "shard 1/2: assigned 1 combos: combo_1_a")
                + WorkerLogs.info(10, "combo 1/1 start: combo_1_a") + WorkerLogs.info(0, "combo 1/1 progress: 50/100 rows (50.0%)"));
        log(0, 2, "===== augctl launch: shard 0/2 attempt 1 at " + java.time.Instant.now().minusSeconds(5) + ": w =====\n"
                + WorkerLogs.info(4, "shard 0/2: assigned 1 combos: combo_1_b"));
        Snapshot s = refresh(2);
        // shard 1: 50 % in 10 s, 10 s left; shard 0: 15 s of start-up left, then b at a's rate (20 s)
        assertThat(s.shards().get(1).etaSeconds()).isBetween(9.0, 11.0);
        assertThat(s.shards().get(0).etaSeconds()).isBetween(33.0, 37.0);
    }

    @Test
    void aShardStillStartingWaitsTheHistorysStartUpWhenTheFirstShardsStartedSooner() throws Exception {
        // an earlier run: one shard of 40 s that ran a and b (10 s each), so 20 s outside combos
        history(entry("combo_1_a", 10), entry("combo_1_b", 10),
                "{\"kind\":\"shard\",\"run_id\":\"r1\",\"worker\":\"augctl generate\",\"shard\":0,\"num_shards\":1,\"seconds\":40}");
        // shard 1 started its combo 5 s after its attempt began; shard 0 has been starting up for 8 s
        log(1, 2, "===== augctl launch: shard 1/2 attempt 1 at " + java.time.Instant.now().minusSeconds(8) + ": w =====\n"
                + WorkerLogs.info(4, "shard 1/2: assigned 1 combos: combo_1_a") + WorkerLogs.info(3, "combo 1/1 start: combo_1_a"));
        log(0, 2, "===== augctl launch: shard 0/2 attempt 1 at " + java.time.Instant.now().minusSeconds(8) + ": w =====\n"
                + WorkerLogs.info(7, "shard 0/2: assigned 1 combos: combo_1_b"));
        // shard 0: the history's 20 s of start-up, 12 s of them left, then b's 10 s (not 5 s, the first start-up seen, long past)
        assertThat(refresh(2).shards().get(0).etaSeconds()).isBetween(21.0, 23.0);
    }

    @Test
    void theEtaIsRoughUntilTheShardHasFinishedACombo() throws Exception {
        log(0, 2, WorkerLogs.info(20, "shard 0/2: assigned 2 combos: combo_1_a, combo_1_b")
                + WorkerLogs.info(10, "combo 1/2 start: combo_1_a") + WorkerLogs.info(0, "combo 1/2 progress: 50/100 rows (50.0%)"));
        log(1, 2, WorkerLogs.info(20, "shard 1/2: assigned 2 combos: combo_1_c, combo_1_d")
                + WorkerLogs.info(10, "combo 1/2 start: combo_1_c") + WorkerLogs.info(0, "combo 1/2 progress: 50/100 rows (50.0%)"));
        Snapshot before = refresh(2);
        assertThat(before.summary().etaRough()).isTrue();
        String table = String.join("\n", new TableRenderer(false, true, ZoneOffset.UTC).lines(before));
        assertThat(table).contains("ETA: ~0:00:30").contains("| ETA ~0:00:30");

        log(0, 2, WorkerLogs.info(0, "combo 1/2 done: combo_1_a rows=200 rejected=0 seconds=10")
                + WorkerLogs.info(0, "combo 2/2 start: combo_1_b"));
        Snapshot after = refresh(2);
        assertThat(after.summary().etaRough()).isFalse();
        String lines = String.join("\n", new TableRenderer(false, true, ZoneOffset.UTC).lines(after));
        assertThat(lines.lines().filter(l -> l.contains("Shard 0")).findFirst().orElseThrow()).contains("ETA: 0:00:")
                .doesNotContain("~");
        assertThat(lines.lines().filter(l -> l.contains("Shard 1")).findFirst().orElseThrow()).contains("ETA: ~0:00:");
        assertThat(lines).doesNotContain("| ETA ~");
    }
}
