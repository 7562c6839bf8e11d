package dev.augctl.merge;

import static dev.augctl.merge.Fixtures.manifest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.CliRunner;
import dev.augctl.common.HostName;
import dev.augctl.common.LockFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** merge refuses while a launcher holds the output root, and refuses manifests of different runs. */
class MergeRunGuardTest {
    private static final String HEADER = "combo,rows,path,run_id";

    @TempDir
    Path root;

    private CliRunner.Result merge() {
        return CliRunner.run("merge", "--output-root", root.toString(), "--keep-shards");
    }

    /** Runs merge, expects exit 2 with one line and nothing changed; returns the line. */
    private String rejected() throws IOException {
        Map<String, String> before = Fixtures.snapshot(root);
        CliRunner.Result r = merge();
        assertThat(r.exitCode()).as("stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.err().strip()).startsWith("augctl: error: ").doesNotContain("\n");
        assertThat(Fixtures.snapshot(root)).isEqualTo(before);
        return r.err();
    }

    private void shard(int i, int n, String runId) throws IOException {
        manifest(root, i, n, HEADER, "combo_" + i + ",10,combo_" + i + "/dataset.parquet," + runId);
    }

    /** Leaves a launch record on the output root, as a launcher that ran {@code runId} from {@code started} does. */
    private void lastLaunch(String runId, Instant started) throws IOException {
        try (LockFile lock = LockFile.tryAcquire(root)) {
            lock.record(LockFile.Holder.self(root.resolve("logs"), runId, started));
        }
    }

    @Test
    void whileALauncherHoldsTheOutputRootMergeIsRefusedNamingIt() throws IOException {
        shard(0, 2, "r1");
        shard(1, 2, "r1");
        try (LockFile lock = LockFile.tryAcquire(root)) {
            lock.record(LockFile.Holder.self(root.resolve("logs"), "r1", Instant.now()));
            assertThat(rejected()).contains("a launcher is running on " + root, "pid " + ProcessHandle.current().pid(),
                    "host " + HostName.get(), "log dir " + root.resolve("logs").toAbsolutePath(),
                    "'augctl stop --log-dir " + root.resolve("logs").toAbsolutePath() + "'");
        }
        CliRunner.Result after = merge();
        assertThat(after.exitCode()).as(after.err()).isZero();
        assertThat(after.out()).contains("combos           2");
    }

    @Test
    void manifestsWrittenBeforeTheLastRunStartedAreNamed() throws IOException {
        shard(0, 3, "");
        shard(1, 3, "");
        shard(2, 3, "");
        Files.setLastModifiedTime(root.resolve("manifest_shard2_of_3.csv"),
                FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        lastLaunch("r2", Instant.now().minus(Duration.ofMinutes(5)));
        assertThat(rejected()).contains("manifests of an earlier run under " + root,
                "shard 2 (manifest_shard2_of_3.csv) was last written before run r2 started at",
                "'augctl launch --shards 2'");
    }

    @Test
    void rowsOfTwoRunsAreRefusedNamingWhichShardsBelongToWhich() throws IOException {
        shard(0, 3, "r1");
        shard(1, 3, "r2");
        shard(2, 3, "r1");
        String error = rejected();
        assertThat(error).contains("manifests of different runs under " + root + " (run_id column): run r1: shards 0, 2;"
                + " run r2: shard 1");
        assertThat(root.resolve(LockFile.NAME)).doesNotExist(); // merge creates no lock file
    }

    @Test
    void rowsOfAnotherRunThanTheLastLaunchAreRefused() throws IOException {
        shard(0, 2, "r1");
        shard(1, 2, "r1");
        lastLaunch("r2", Instant.now().minus(Duration.ofMinutes(1)));
        assertThat(rejected()).contains("run r1: shards 0, 1", "(the last launch on it ran run r2)");
    }

    @Test
    void oneRunMergesKeepingItsRunIdsAndTheLaunchRecord() throws IOException {
        lastLaunch("r1", Instant.now().minus(Duration.ofMinutes(1)));
        String record = Files.readString(root.resolve(LockFile.NAME));
        shard(0, 2, "r1");
        shard(1, 2, "r1");
        CliRunner.Result r = merge();
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readAllLines(root.resolve("manifest_final.csv")))
                .containsExactly(HEADER, "combo_0,10,combo_0/dataset.parquet,r1", "combo_1,10,combo_1/dataset.parquet,r1");
        assertThat(Files.readString(root.resolve(LockFile.NAME))).isEqualTo(record);
    }

    @Test
    void manifestsWithoutARunIdColumnAndNoLaunchRecordMergeAsBefore() throws IOException {
        manifest(root, 0, 2, "combo,rows", "a,1");
        manifest(root, 1, 2, "combo,rows", "b,2");
        CliRunner.Result r = merge();
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(root.resolve(LockFile.NAME)).doesNotExist();
    }
}
