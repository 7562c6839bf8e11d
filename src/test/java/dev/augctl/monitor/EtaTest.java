package dev.augctl.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EtaTest {
    @Test
    void overallIsTheLastRunningShardWhenNothingIsPending() {
        assertThat(Eta.overall(List.of(100.0, 300.0), List.of(10.0, 10.0), 0, null, 2)).isEqualTo(300.0);
        assertThat(Eta.overall(List.of(), List.of(), 0, null, 2)).isZero();
    }

    @Test
    void pendingShardsQueueForFreeSlotsAtTheAverageDuration() {
        // 2 slots, both busy for 100 s and 300 s; 3 pending shards of 200 s each:
        // slot A: 100 -> 300 -> 500; slot B: 300 -> 500  => 500 s
        assertThat(Eta.overall(List.of(100.0, 300.0), List.of(1.0, 1.0), 3, 200.0, 2)).isEqualTo(500.0);
        // as many slots as shards: pending shards start now
        assertThat(Eta.overall(List.of(100.0), List.of(1.0), 2, 200.0, 3)).isEqualTo(200.0);
    }

    @Test
    void runningShardWithoutProgressCountsAtTheAverageMinusItsTime() {
        assertThat(Eta.overall(Arrays.asList(50.0, null), List.of(10.0, 30.0), 0, 100.0, 2)).isEqualTo(70.0);
        assertThat(Eta.overall(Arrays.asList(50.0, null), List.of(10.0, 30.0), 0, null, 2)).isNull();
        assertThat(Eta.overall(List.of(50.0), List.of(10.0), 1, null, 1)).isNull();
    }
}
