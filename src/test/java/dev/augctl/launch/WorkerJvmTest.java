package dev.augctl.launch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.config.AugctlConfig;
import dev.augctl.run.RunState;
import dev.augctl.run.ShardRecord;
import dev.augctl.run.ShardState;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JVM options the launcher adds to the built-in worker: where they go, and how a retry replaces them. */
class WorkerJvmTest {
    private static final List<String> JAVA = List.of("/opt/jdk/bin/java", "-XX:+UseSerialGC", "-jar", "augctl.jar");

    @TempDir
    Path dir;

    @Test
    void theLaunchersOptionsGoRightAfterJava_beforeJavaOpts() {
        WorkerTemplate t = WorkerTemplate.of(new AugctlConfig(), Path.of("conf/augctl.yaml"), false, JAVA);
        List<String> jvm = new java.util.ArrayList<>(WorkerJvm.options(3, 1000));
        jvm.add("-Xlog:cds=off");
        List<String> argv = t.argv(0, 2, Path.of("l"), Path.of("c"), jvm);
        assertThat(argv).startsWith("/opt/jdk/bin/java", "-XX:ActiveProcessorCount=3", "-Xlog:cds=off", "-XX:+UseSerialGC",
                "-jar", "augctl.jar", "generate");
    }

    @Test
    void aShardWithOneCoreAndASmallShareCompilesWithC1Alone() {
        assertThat(WorkerJvm.options(1, 440_000)).containsExactly("-XX:ActiveProcessorCount=1", "-XX:TieredStopAtLevel=1");
        assertThat(WorkerJvm.options(1, WorkerJvm.C1_LIMIT)).containsExactly("-XX:ActiveProcessorCount=1");
        assertThat(WorkerJvm.options(2, 1000)).containsExactly("-XX:ActiveProcessorCount=2");
        assertThat(WorkerJvm.options(1, 0)).containsExactly("-XX:ActiveProcessorCount=1"); // unknown share
    }

    @Test
    void theShareIsTheRunsVariantsOverTheShardsThatSplitThem() {
        AugctlConfig c = new AugctlConfig();
        c.numShards = 7;
        WorkerTemplate t = WorkerTemplate.of(c, Path.of("conf/augctl.yaml"), false, JAVA);
        LaunchSettings s = settings(c);
        s.jobs = 2;
        s.builtinVariants = 880_000;
        assertThat(ShardPlan.of(s, t, Optional.empty()).variantsPerShard()).isEqualTo(440_000); // dynamic: 2 at once
        s.schedule = dev.augctl.config.ScheduleMode.STATIC;
        assertThat(ShardPlan.of(s, t, Optional.empty()).variantsPerShard()).isEqualTo(880_000 / 7);
    }

    @Test
    void replaceSwapsTheRecordedBlock_andLeavesAnArgvWithoutOneAsItIs() {
        List<String> recorded = List.of("java", "-XX:ActiveProcessorCount=1", "-XX:SharedArchiveFile=/a.jsa", "-Xmx1g", "-jar", "x");
        assertThat(WorkerJvm.replace(recorded, List.of("-XX:ActiveProcessorCount=1", "-XX:SharedArchiveFile=/a.jsa"),
                List.of("-XX:ActiveProcessorCount=4")))
                .containsExactly("java", "-XX:ActiveProcessorCount=4", "-Xmx1g", "-jar", "x");
        assertThat(WorkerJvm.replace(recorded, List.of(), List.of("-XX:ActiveProcessorCount=4"))).isSameAs(recorded);
        assertThat(WorkerJvm.replace(recorded, List.of("-Xmx2g"), List.of())).isSameAs(recorded);
    }

    @Test
    void aRetryRunsTheRecordedArgvWithTodaysJvmOptions_andNamesNoDifferenceForThem() throws java.io.IOException {
        AugctlConfig c = new AugctlConfig();
        c.numShards = 2;
        WorkerTemplate t = WorkerTemplate.of(c, Path.of("conf/augctl.yaml"), false, JAVA);
        LaunchSettings s = settings(c);
        List<String> old = List.of("-XX:ActiveProcessorCount=9", "-XX:ArchiveClassesAtExit=/gone.tmp");
        RunState previous = new RunState();
        previous.numShards = 2;
        previous.state = "failed";
        for (int i = 0; i < 2; i++) {
            ShardRecord r = new ShardRecord(i);
            r.state = ShardState.FAILED;
            r.argv = t.argv(i, 2, ShardPathsFor.log(s, i), ShardPathsFor.cache(s, i), old);
            r.jvmOptions = old;
            previous.shards.add(r);
        }
        Path runFile = dir.resolve("run.json");
        previous.write(runFile);
        RunState reread = RunState.read(runFile).orElseThrow();
        assertThat(reread.shards.get(0).jvmOptions).isEqualTo(old);

        s.retryFailed = true;
        ShardPlan plan = ShardPlan.of(s, t, Optional.of(reread));
        ShardSpec spec = plan.spec(1);
        assertThat(spec.jvmOptions()).containsExactly("-XX:ActiveProcessorCount=" + plan.threads());
        assertThat(spec.argv()).startsWith("/opt/jdk/bin/java", "-XX:ActiveProcessorCount=" + plan.threads(), "-XX:+UseSerialGC")
                .doesNotContain("-XX:ArchiveClassesAtExit=/gone.tmp");
        assertThat(plan.retryDifference()).isEmpty();
    }

    @Test
    void anotherWorkerGetsNoJvmOptions() {
        AugctlConfig c = new AugctlConfig();
        c.numShards = 1;
        c.worker.command = List.of("python3", "gen.py", "--shard", "{shard}");
        ShardSpec spec = ShardPlan.of(settings(c), WorkerTemplate.of(c, Path.of("conf/augctl.yaml"), false, JAVA), Optional.empty())
                .spec(0);
        assertThat(spec.jvmOptions()).isEmpty();
        assertThat(spec.argv()).containsExactly("python3", "gen.py", "--shard", "0");
    }

    private LaunchSettings settings(AugctlConfig c) {
        LaunchSettings s = new LaunchSettings();
        s.config = c;
        s.numShards = c.numShards;
        s.jobs = c.numShards;
        s.logDir = dir.resolve("logs");
        s.cacheDir = dir.resolve("cache");
        return s;
    }

    /** The paths a plan gives a shard, as run.json records them. */
    private static final class ShardPathsFor {
        static Path log(LaunchSettings s, int i) {
            return dev.augctl.common.ShardPaths.log(s.logDir, i, s.numShards);
        }

        static Path cache(LaunchSettings s, int i) {
            return dev.augctl.common.ShardPaths.cache(s.cacheDir, i);
        }
    }
}
