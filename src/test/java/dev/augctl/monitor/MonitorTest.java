package dev.augctl.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorTest {
    @TempDir
    Path dir;

    private Monitor monitor(int threads, long parallelBytes) {
        MonitorSettings s = new MonitorSettings(dir, 5, 5, null, Duration.ofSeconds(1), Duration.ofMinutes(10));
        return new Monitor(s, PatternSet.defaults(), Clock.systemDefaultZone(), threads, parallelBytes);
    }

    @Test
    void severalThreadsReadingABacklogSeeWhatOneThreadSees() throws Exception {
        for (int i = 0; i < 5; i++) {
            WorkerLogs.append(dir.resolve("shard_" + i + "_of_5.log"), WorkerLogs.completedShard(i, 5, 20 + i, 10 + i, 100));
        }
        WorkerLogs.append(dir.resolve("shard_4_of_5.log"), WorkerLogs.info(0, "shard 4/5: assigned 3 combos: a")
                + WorkerLogs.info(0, "combo 1/3 start: combo_x"));
        Snapshot one = monitor(1, Long.MAX_VALUE).refresh();
        Snapshot many = monitor(3, 1).refresh();
        assertThat(many.shards()).extracting(ShardRow::status, ShardRow::rows, ShardRow::combosDone, ShardRow::current)
                .isEqualTo(one.shards().stream().map(r -> org.assertj.core.groups.Tuple.tuple(r.status(), r.rows(), r.combosDone(), r.current())).toList());
        assertThat(many.summary().rows()).isEqualTo(20 * 10 + 21 * 11 + 22 * 12 + 23 * 13);
        assertThat(many.shards().get(4).current()).isEqualTo("combo_x");
    }

    @Test
    void laterRefreshesReadOnlyTheNewLines() throws Exception {
        Path log = dir.resolve("shard_0_of_5.log");
        WorkerLogs.append(log, WorkerLogs.info(10, "shard 0/5: assigned 2 combos: a, b") + WorkerLogs.info(9, "combo 1/2 start: a"));
        Monitor m = monitor(2, 1);
        assertThat(m.refresh().shards().get(0).progress()).isEqualTo(0.0);
        WorkerLogs.append(log, WorkerLogs.info(1, "combo 1/2 progress: 3/4 rows (75.0%)"));
        assertThat(m.refresh().shards().get(0).progress()).isEqualTo(37.5);
        WorkerLogs.append(log, WorkerLogs.info(0, "combo 1/2 done: a rows=4 rejected=0 seconds=1") + WorkerLogs.info(0, "combo 2/2 sta").stripTrailing());
        ShardRow r = m.refresh().shards().get(0);
        assertThat(r.progress()).isEqualTo(50.0);
        assertThat(r.current()).isNull(); // the start line is not finished yet
        WorkerLogs.append(log, "rt: b\n");
        assertThat(m.refresh().shards().get(0).current()).isEqualTo("b");
    }

    @Test
    void aLogDeletedDuringFollowIsSaidToBeGoneWithoutAnEta() throws Exception {
        Path log = dir.resolve("shard_0_of_5.log");
        WorkerLogs.append(log, WorkerLogs.info(10, "shard 0/5: assigned 2 combos: a, b") + WorkerLogs.info(9, "combo 1/2 start: a")
                + WorkerLogs.info(1, "combo 1/2 progress: 3/4 rows (75.0%)"));
        Monitor m = monitor(1, Long.MAX_VALUE);
        ShardRow before = m.refresh().shards().get(0);
        assertThat(before.error()).isNull();
        assertThat(before.etaSeconds()).isNotNull();
        java.nio.file.Files.delete(log);
        ShardRow after = m.refresh().shards().get(0);
        assertThat(after.error()).isEqualTo("log " + log + " is gone (deleted or moved); progress shown is its last");
        assertThat(after.etaSeconds()).isNull();
        assertThat(after.progress()).isEqualTo(before.progress());
    }

    @Test
    void theEtaLeavesTheShardsStartUpOutOfItsRate() throws Exception {
        // assigned 100 s ago, first combo started 40 s ago (60 s of start-up), 1 of 2 combos half done
        WorkerLogs.append(dir.resolve("shard_0_of_5.log"), WorkerLogs.info(100, "shard 0/5: assigned 2 combos: a, b")
                + WorkerLogs.info(40, "combo 1/2 start: a") + WorkerLogs.info(0, "combo 1/2 progress: 50/100 rows (50.0%)"));
        ShardRow r = monitor(1, Long.MAX_VALUE).refresh().shards().get(0);
        assertThat(r.progress()).isEqualTo(25.0);
        // 40 s for a quarter of the work: 120 s left (counting the start-up it would say 300 s)
        assertThat(r.etaSeconds()).isBetween(118.0, 122.0);
    }
}
