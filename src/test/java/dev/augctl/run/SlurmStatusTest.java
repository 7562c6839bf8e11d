package dev.augctl.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the tasks' status files and squeue's exit codes. */
class SlurmStatusTest {
    @TempDir
    Path logDir;

    @Test
    void aStatusFileIsReadOnlyForTheTaskThatWroteIt() throws IOException {
        Files.createDirectories(SlurmStatus.statusDir(logDir));
        Files.writeString(SlurmStatus.statusFile(logDir, 2), "exit_code=3 task_id=12_2 ended_at=2026-11-28T20:58:15.008Z\n");
        assertThat(SlurmStatus.readExit(logDir, 2, "12_2")).hasValue(new SlurmStatus.TaskExit(3, "12_2", "2026-11-28T20:58:15.008Z"));
        assertThat(SlurmStatus.readExit(logDir, 2, null)).isPresent();
        assertThat(SlurmStatus.readExit(logDir, 2, "14_2")).isEmpty(); // an earlier attempt's file
        assertThat(SlurmStatus.readExit(logDir, 1, null)).isEmpty();
        Files.writeString(SlurmStatus.statusFile(logDir, 1), "exit_code=");
        assertThat(SlurmStatus.readExit(logDir, 1, null)).isEmpty();
    }

    @Test
    void squeueWaitStatusesDecodeLikeJavaExitCodes() {
        assertThat(SlurmStatus.decode("0")).isZero();
        assertThat(SlurmStatus.decode("512")).isEqualTo(2);
        assertThat(SlurmStatus.decode("36608")).isEqualTo(143);
        assertThat(SlurmStatus.decode("9")).isEqualTo(137);
        assertThat(SlurmStatus.jobOf("12_3")).isEqualTo("12");
    }

    @Test
    void refreshTakesEndsFromStatusFilesAndSettlesTheRun() throws IOException {
        RunState state = new RunState();
        state.executor = "slurm";
        for (int i = 0; i < 2; i++) {
            ShardRecord r = new ShardRecord(i);
            r.state = ShardState.PENDING;
            r.taskId = "40_" + i;
            state.shards.add(r);
        }
        Files.createDirectories(SlurmStatus.statusDir(logDir));
        Files.writeString(SlurmStatus.statusFile(logDir, 0), "exit_code=0 task_id=40_0 ended_at=2026-11-28T21:00:00Z\n");
        Files.writeString(SlurmStatus.statusFile(logDir, 1), "exit_code=1 task_id=40_1 ended_at=2026-11-28T21:00:01Z\n");
        assertThat(SlurmStatus.refresh(state, logDir, false)).isEmpty();
        assertThat(state.shards.get(0).state).isEqualTo(ShardState.SUCCEEDED);
        assertThat(state.shards.get(1).state).isEqualTo(ShardState.FAILED);
        assertThat(state.shards.get(1).exitCode).isEqualTo(1);
        assertThat(state.state).isEqualTo("failed");
    }
}
