package dev.augctl.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.CliRunner;
import dev.augctl.run.RunState;
import dev.augctl.run.ShardRecord;
import dev.augctl.run.ShardState;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StopCommandTest {
    @TempDir
    Path dir;

    @Test
    void nothingToStopIsExit0AndSaysSo() {
        CliRunner.Result r = CliRunner.run("stop", "--log-dir", dir.resolve("logs").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("nothing to stop");
        assertThat(dir.resolve("logs")).doesNotExist();
    }

    @Test
    void aRecordedPidWhoseStartTimeDiffersIsNotTouched() throws Exception {
        // This JVM's pid with another start time stands for a pid reused by an unrelated process.
        RunState s = new RunState();
        s.numShards = 1;
        ShardRecord r = new ShardRecord(0);
        r.state = ShardState.RUNNING;
        r.pid = ProcessHandle.current().pid();
        r.pidStartTime = "2001-01-01T00:00:00Z";
        s.shards.add(r);
        s.write(dir.resolve("run.json"));
        CliRunner.Result res = CliRunner.run("stop", "--log-dir", dir.toString());
        assertThat(res.exitCode()).isZero();
        assertThat(res.out()).contains("nothing to stop");
        assertThat(Files.readString(dir.resolve("run.json"))).contains("\"state\" : \"running\"");
    }

    @Test
    void aNegativeGracePeriodIsAUsageError() {
        CliRunner.Result r = CliRunner.run("stop", "--grace-period", "-2");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--grace-period must be >= 0");
    }
}
