package dev.augctl.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.monitor.Liveness.Process;
import dev.augctl.run.ShardState;
import org.junit.jupiter.api.Test;

class StatusRulesTest {
    private static LogFacts facts(boolean completed, String error) {
        return new LogFacts(2, 1, "a", 0.5, 10, completed, error, null, null, null, 0, null, java.util.List.of(), null, null, java.util.List.of());
    }

    private static final LogFacts RUNNING = facts(false, null);

    @Test
    void withoutRunJsonTheLogDecides() {
        assertThat(StatusRules.status(null, false, RUNNING, false, Process.UNKNOWN, Process.UNKNOWN)).isEqualTo(Status.PENDING);
        assertThat(StatusRules.status(null, true, RUNNING, false, Process.UNKNOWN, Process.UNKNOWN)).isEqualTo(Status.RUNNING);
        assertThat(StatusRules.status(null, true, RUNNING, true, Process.UNKNOWN, Process.UNKNOWN)).isEqualTo(Status.STALLED);
        assertThat(StatusRules.status(null, true, facts(true, null), true, Process.UNKNOWN, Process.UNKNOWN)).isEqualTo(Status.SUCCEEDED);
        assertThat(StatusRules.status(null, true, facts(false, "boom"), false, Process.UNKNOWN, Process.UNKNOWN)).isEqualTo(Status.FAILED);
    }

    @Test
    void runJsonDecidesOverTheLog() {
        LogFacts done = facts(true, null);
        assertThat(StatusRules.status(ShardState.FAILED, true, done, false, Process.UNKNOWN, Process.UNKNOWN)).isEqualTo(Status.FAILED);
        assertThat(StatusRules.status(ShardState.INTERRUPTED, true, RUNNING, false, Process.UNKNOWN, Process.UNKNOWN)).isEqualTo(Status.INTERRUPTED);
        assertThat(StatusRules.status(ShardState.PENDING, true, done, false, Process.UNKNOWN, Process.UNKNOWN)).isEqualTo(Status.PENDING);
        assertThat(StatusRules.status(ShardState.SUCCEEDED, false, RUNNING, false, Process.UNKNOWN, Process.UNKNOWN)).isEqualTo(Status.SUCCEEDED);
        assertThat(StatusRules.status(ShardState.RUNNING, true, RUNNING, true, Process.ALIVE, Process.ALIVE)).isEqualTo(Status.STALLED);
    }

    @Test
    void runningInRunJsonButShardAndLauncherGoneFallsBackToTheLog() {
        assertThat(StatusRules.status(ShardState.RUNNING, true, facts(true, null), false, Process.GONE, Process.GONE)).isEqualTo(Status.SUCCEEDED);
        assertThat(StatusRules.status(ShardState.RUNNING, true, RUNNING, false, Process.GONE, Process.GONE)).isEqualTo(Status.FAILED);
        // the launcher lives: it is about to record the exit, keep trusting run.json
        assertThat(StatusRules.status(ShardState.RUNNING, true, RUNNING, false, Process.GONE, Process.ALIVE)).isEqualTo(Status.RUNNING);
    }
}
