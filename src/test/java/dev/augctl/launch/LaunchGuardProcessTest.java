package dev.augctl.launch;

import static dev.augctl.launch.LaunchFixture.await;
import static dev.augctl.launch.LaunchFixture.worker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.common.HostName;
import dev.augctl.run.ShardState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guards that keep commands in the wrong order from losing or mixing work, with real launchers:
 * merge during a run, stale manifests of an earlier run beside a new one, and a second launcher on
 * the same output root or caches under another log directory.
 */
class LaunchGuardProcessTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    /** A config whose shards write one manifest row each, then wait for {@code release}; shards in {@code failing} exit 1 first. */
    private LaunchFixture fixture(int n, String failing) throws Exception {
        return new LaunchFixture(dir).config(n, 2, "/bin/sh", worker("manifest-gated.sh"), "{output_root}", "{shard}",
                "{num_shards}", dir.resolve("release").toString(), failing);
    }

    private static Map<String, String> snapshot(Path root) throws Exception {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(root)) {
            for (Path p : list.toList()) {
                files.put(p.getFileName().toString(), Files.readString(p));
            }
        }
        return files;
    }

    @Test
    void mergeDuringARunIsRefusedNamingTheLauncherAndChangesNothing() throws Exception {
        try (LaunchFixture f = fixture(3, "-")) {
            Process launcher = f.augctl("launch", "--config", f.config.toString(), "--jobs", "3");
            Path out = f.outputRoot();
            await(TIMEOUT, "every shard's manifest", () -> Files.exists(out.resolve("manifest_shard2_of_3.csv"))
                    && Files.exists(out.resolve("manifest_shard0_of_3.csv")) && Files.exists(out.resolve("manifest_shard1_of_3.csv")));
            Map<String, String> before = snapshot(out);

            Process merge = f.augctl("merge", "--config", f.config.toString(), "--key-column", "combo");
            assertThat(f.exit(merge, TIMEOUT)).isEqualTo(2);
            String refused = f.output(1);
            assertThat(refused.strip().lines()).hasSize(1);
            assertThat(refused).contains("a launcher is running on " + out, "pid " + launcher.pid(),
                    "host " + HostName.get(), "log dir " + f.logDir.toAbsolutePath());
            assertThat(snapshot(out)).isEqualTo(before); // nothing written, no shard manifest deleted
            assertThat(launcher.isAlive()).isTrue();

            Files.writeString(dir.resolve("release"), "");
            assertThat(f.exit(launcher, TIMEOUT)).isZero();
            Process after = f.augctl("merge", "--config", f.config.toString());
            assertThat(f.exit(after, TIMEOUT)).as(f.output(2)).isZero();
            assertThat(f.output(2)).contains("combos           3");
            assertThat(Files.readAllLines(out.resolve("manifest_final.csv"))).hasSize(4);
        }
    }

    @Test
    void staleManifestsOfAnEarlierRunBesideANewRunAreRefusedNamingTheShards() throws Exception {
        Files.writeString(dir.resolve("release"), "");
        try (LaunchFixture f = fixture(4, "-")) {
            assertThat(f.exit(f.augctl("launch", "--config", f.config.toString(), "--jobs", "4"), TIMEOUT)).isZero();
            // The earlier run ended an hour ago, its manifests kept (say merged with --keep-shards).
            for (int i = 0; i < 4; i++) {
                Files.setLastModifiedTime(f.outputRoot().resolve("manifest_shard" + i + "_of_4.csv"),
                        FileTime.from(Instant.now().minus(Duration.ofHours(1))));
            }
        }
        try (LaunchFixture f = fixture(4, "2,3")) { // the new run: shards 2 and 3 fail before writing
            Files.delete(f.logDir.resolve("run.json")); // a fresh run, as in another session
            Process launch = f.augctl("launch", "--config", f.config.toString(), "--jobs", "4");
            assertThat(f.exit(launch, TIMEOUT)).isEqualTo(1);
            Map<String, String> before = snapshot(f.outputRoot());

            Process merge = f.augctl("merge", "--config", f.config.toString());
            assertThat(f.exit(merge, TIMEOUT)).isEqualTo(2);
            String refused = f.output(1);
            assertThat(refused.strip().lines()).hasSize(1);
            assertThat(refused).contains("manifests of an earlier run under " + f.outputRoot(),
                    "shards 2 (manifest_shard2_of_4.csv), 3 (manifest_shard3_of_4.csv) were last written before run ",
                    "augctl launch --shards 2,3");
            assertThat(snapshot(f.outputRoot())).isEqualTo(before);

            // Rerunning the two shards continues the run: then the merge takes all four, of one run.
            Files.writeString(f.config, Files.readString(f.config).replace("\"2,3\"", "\"-\""));
            // (--shards, not --retry-failed: a retry reruns the argv recorded in run.json, which still fails them)
            assertThat(f.exit(f.augctl("launch", "--config", f.config.toString(), "--shards", "2,3"), TIMEOUT)).isZero();
            Process again = f.augctl("merge", "--config", f.config.toString(), "--keep-shards");
            assertThat(f.exit(again, TIMEOUT)).as(f.output(3)).isZero();
            String runId = f.runState().orElseThrow().runId;
            assertThat(Files.readString(f.outputRoot().resolve("manifest_final.csv")))
                    .contains("combo_0_" + runId, "combo_1_" + runId, "combo_2_" + runId, "combo_3_" + runId);
        }
    }

    @Test
    void aSecondLaunchWithAnotherLogDirOnTheSameOutputRootIsRefusedBeforeAnythingStarts() throws Exception {
        try (LaunchFixture f = fixture(2, "-")) {
            Process first = f.augctl("launch", "--config", f.config.toString());
            await(TIMEOUT, "both shards running", () -> f.runState().map(s -> s.shards.stream()
                    .allMatch(r -> r.state == ShardState.RUNNING)).orElse(false));
            Path otherLogs = dir.resolve("other-logs");

            Process second = f.augctl("launch", "--config", f.config.toString(), "--log-dir", otherLogs.toString(),
                    "--cache-dir", dir.resolve("other-cache").toString());
            assertThat(f.exit(second, TIMEOUT)).isEqualTo(2);
            assertThat(f.output(1).strip().lines()).hasSize(1);
            assertThat(f.output(1)).contains("another launcher (pid " + first.pid() + " on host " + HostName.get()
                    + ", log dir " + f.logDir.toAbsolutePath() + ") is running on the output root " + f.outputRoot().toAbsolutePath(),
                    "augctl stop --log-dir " + f.logDir.toAbsolutePath());
            assertThat(otherLogs.resolve("run.json")).doesNotExist();
            assertThat(otherLogs.resolve("shard_0_of_2.log")).doesNotExist();

            // The same caches under another log directory and output root: refused too.
            Process third = f.augctl("launch", "--config", f.config.toString(), "--log-dir", otherLogs.toString(),
                    "--output-root", dir.resolve("other-out").toString());
            assertThat(f.exit(third, TIMEOUT)).isEqualTo(2);
            assertThat(f.output(2)).contains("another launcher (pid " + first.pid(),
                    "is running on the cache folder " + dir.resolve("cache").toAbsolutePath());
            assertThat(otherLogs.resolve("run.json")).doesNotExist();
            assertThat(f.runState().orElseThrow().shards).allMatch(r -> r.state == ShardState.RUNNING);

            Files.writeString(dir.resolve("release"), "");
            assertThat(f.exit(first, TIMEOUT)).isZero();
            // Once the first launch is over, the other log directory may launch on the same output root.
            Process fourth = f.augctl("launch", "--config", f.config.toString(), "--log-dir", otherLogs.toString());
            assertThat(f.exit(fourth, TIMEOUT)).as(f.output(3)).isZero();
            assertThat(List.of(otherLogs.resolve("shard_0_of_2.log"), otherLogs.resolve("run.json"))).allMatch(Files::exists);
        }
    }
}
