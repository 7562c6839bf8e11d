package dev.augctl.launch;

import static dev.augctl.launch.LaunchFixture.await;
import static dev.augctl.launch.LaunchFixture.worker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.CliRunner;
import dev.augctl.run.RunState;
import dev.augctl.run.ShardRecord;
import dev.augctl.run.ShardState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code launch --executor slurm} against a real Slurm (sbatch, squeue, scancel), with the helper workers. */
class SlurmLaunchTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private final String jobName = "augctl-test-" + UUID.randomUUID().toString().substring(0, 8);

    /** A fixture in {@code dir/sub} whose config runs on Slurm (polled every 0.3 s) or locally. */
    private LaunchFixture fixture(String sub, boolean slurm, int n, String... command) throws IOException {
        Path d = Files.createDirectories(dir.resolve(sub));
        LaunchFixture f = new LaunchFixture(d).config(n, 2, command);
        Files.writeString(f.config, "  env: {EXTRA_WORDS: \"x y'z\"}\n"
                + (slurm ? "executor: slurm\nslurm:\n  poll_interval: 0.3\n  job_name: " + jobName + "\n" : ""),
                StandardOpenOption.APPEND);
        return f;
    }

    private static CliRunner.Result launch(LaunchFixture f, String... args) {
        return CliRunner.run(Stream.concat(Stream.of("launch", "--config", f.config.toString()), Arrays.stream(args))
                .toArray(String[]::new));
    }

    /** A log with its separator's time stamp and the fixture's own directory made neutral. */
    private static String normalised(LaunchFixture f, Path log) throws IOException {
        return Files.readString(log).replaceAll(" at \\S+Z: ", " at T: ").replace(f.dir.toString(), "<dir>");
    }

    @Test
    void aThreeShardArrayGivesTheSameArgvEnvironmentAndLogsAsTheLocalExecutor() throws IOException {
        SlurmCluster.require();
        String[] command = {"/bin/sh", worker("echo.sh"), "{log}.out", "--shard", "{shard}", "--of", "{num_shards}",
            "--cache", "{cache}", "a b'c"};
        LaunchFixture local = fixture("local", false, 3, command);
        LaunchFixture slurm = fixture("slurm", true, 3, command);

        CliRunner.Result l = launch(local, "--threads-per-shard", "1");
        CliRunner.Result s = launch(slurm, "--threads-per-shard", "1");

        assertThat(l.exitCode()).as(l.out() + l.err()).isZero();
        assertThat(s.exitCode()).as(s.out() + s.err()).isZero();
        assertThat(s.out()).contains("executor slurm", "submitted 3 shard(s) as job ",
                "sbatch --parsable --array=0-2 " + slurm.logDir.resolve("slurm_job.sh"), "3 shards: 3 succeeded");
        // Each launch has its own run id (AUGCTL_RUN_ID); everything else must be the same.
        String localRun = local.runState().orElseThrow().runId;
        String slurmRun = slurm.runState().orElseThrow().runId;
        assertThat(localRun).isNotBlank().isNotEqualTo(slurmRun);
        for (int i = 0; i < 3; i++) {
            String name = "shard_" + i + "_of_3.log";
            assertThat(Files.readString(slurm.logDir.resolve(name + ".out.env"))).contains("AUGCTL_RUN_ID=" + slurmRun + "\n");
            for (String ext : new String[] {".out.argv", ".out.env"}) {
                String fromLocal = Files.readString(local.logDir.resolve(name + ext)).replace(local.dir.toString(), "<dir>")
                        .replace(localRun, "<run>");
                String fromSlurm = Files.readString(slurm.logDir.resolve(name + ext)).replace(slurm.dir.toString(), "<dir>")
                        .replace(slurmRun, "<run>");
                assertThat(fromSlurm).as(name + ext).isEqualTo(fromLocal);
            }
            assertThat(normalised(slurm, slurm.logDir.resolve(name))).isEqualTo(normalised(local, local.logDir.resolve(name)))
                    .contains("===== augctl launch: shard " + i + "/3 attempt 1 at T: ");
        }
        assertThat(Files.readString(slurm.logDir.resolve("shard_2_of_3.log.out.env")))
                .contains("AUGCTL_SHARD_INDEX=2", "AUGCTL_NUM_SHARDS=3", "OMP_NUM_THREADS=1", "EXTRA_WORDS=x y'z");

        RunState state = slurm.runState().orElseThrow();
        assertThat(state.executor).isEqualTo("slurm");
        assertThat(state.state).isEqualTo("succeeded");
        assertThat(state.jobId).matches("\\d+");
        assertThat(state.shards).allSatisfy(r -> {
            assertThat(r.state).isEqualTo(ShardState.SUCCEEDED);
            assertThat(r.taskId).isEqualTo(state.jobId + "_" + r.index);
            assertThat(r.exitCode).isZero();
            assertThat(r.pid).isNull();
        });
        assertThat(Files.readString(slurm.logDir.resolve("slurm_job.sh")))
                .contains("#SBATCH --job-name=" + jobName, "#SBATCH --cpus-per-task=1", "case \"$i\" in");
        assertThat(Files.readString(slurm.logDir.resolve("slurm_status/shard_1.exit")))
                .startsWith("exit_code=0 task_id=" + state.jobId + "_1 ");
    }

    @Test
    void startAndEndTimesAreTheTasksOwnNotThoseOfThePolls() throws IOException {
        SlurmCluster.require();
        LaunchFixture f = fixture("times", false, 1, "/bin/sh", "-c", "sleep 2");
        Files.writeString(f.config, "executor: slurm\nslurm:\n  poll_interval: 4\n  job_name: " + jobName + "\n",
                StandardOpenOption.APPEND);
        CliRunner.Result r = launch(f);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();

        ShardRecord s = f.runState().orElseThrow().shard(0).orElseThrow();
        Duration took = Duration.between(java.time.Instant.parse(s.startedAt), java.time.Instant.parse(s.endedAt));
        // Seen by polls 4 s apart, the duration would be about 0 s or 4 s; the task's own times give the sleep.
        assertThat(took).isBetween(Duration.ofMillis(1900), Duration.ofMillis(3500));
        assertThat(dev.augctl.run.SlurmStatus.readStart(f.logDir, 0, s.taskId)).contains(java.time.Instant.parse(s.startedAt));
        assertThat(r.out()).containsPattern("shard 0/1 succeeded: exit 0 after [23]\\.\\ds");
    }

    @Test
    void aFailingTaskIsReportedWithItsExitCodeAndRetryFailedResubmitsOnlyItsIndex() throws IOException {
        SlurmCluster.require();
        LaunchFixture f = fixture("f", true, 3, "/bin/sh", worker("exit.sh"), "{shard}", "0", "3", "0");
        CliRunner.Result first = launch(f);
        assertThat(first.exitCode()).as(first.out() + first.err()).isEqualTo(1);
        assertThat(first.out()).contains("--array=0-2 ", "shard 1/3 failed: exit 3", "3 shards: 2 succeeded, 1 failed");
        RunState before = f.runState().orElseThrow();
        ShardRecord failed = before.shard(1).orElseThrow();
        assertThat(failed.state).isEqualTo(ShardState.FAILED);
        assertThat(failed.exitCode).isEqualTo(3);

        CliRunner.Result retry = launch(f, "--retry-failed");
        assertThat(retry.exitCode()).isEqualTo(1);
        assertThat(retry.out()).contains("1 of 3 shards", "--array=1 ", "shard 1/3 failed: exit 3")
                .doesNotContain("shard 0/3", "shard 2/3");
        assertThat(Files.readString(f.logDir.resolve("slurm_job.sh"))).contains("--array=1 ").doesNotContain("\n0)\n", "\n2)\n");
        RunState after = f.runState().orElseThrow();
        assertThat(after.shard(1).orElseThrow().attempts).isEqualTo(2);
        assertThat(after.shard(1).orElseThrow().taskId).isEqualTo(after.jobId + "_1").isNotEqualTo(failed.taskId);
        assertThat(after.shard(0).orElseThrow().taskId).isEqualTo(before.shard(0).orElseThrow().taskId);
        assertThat(Files.readString(f.logDir.resolve("shard_1_of_3.log"))).contains("shard 1/3 attempt 1 at", "shard 1/3 attempt 2 at");
    }

    @Test
    void maxRetriesResubmitsAFailedTaskAsANewArray() throws IOException {
        SlurmCluster.require();
        LaunchFixture f = fixture("f", true, 1, "/bin/sh", worker("flaky.sh"), dir + "/count{shard}", "1");
        CliRunner.Result r = launch(f, "--max-retries", "1");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("shard 0/1 failed: exit 1", "retry 1 of 1 scheduled", "1 shard: 1 succeeded");
        assertThat(Pattern.compile("submitted 1 shard\\(s\\) as job").matcher(r.out()).results().count()).isEqualTo(2);
        ShardRecord rec = f.runState().orElseThrow().shard(0).orElseThrow();
        assertThat(rec.attempts).isEqualTo(2);
        assertThat(rec.state).isEqualTo(ShardState.SUCCEEDED);
    }

    @Test
    void sigintCancelsTheArrayAndLeavesNoTaskAndNoWorkerBehind() throws Exception {
        SlurmCluster.require();
        try (LaunchFixture f = fixture("f", true, 3, "/bin/sh", worker("sleeper.sh"), "120")) {
            Process launcher = f.augctl("launch", "--config", f.config.toString());
            // Two CPUs: two tasks run, the third waits in the queue.
            await(TIMEOUT, "two tasks running", () -> f.runState().map(s -> s.shards.stream()
                    .filter(r -> r.state == ShardState.RUNNING).count() == 2).orElse(false));
            List<Long> pids = new ArrayList<>();
            for (ShardRecord r : f.runState().orElseThrow().shards) {
                if (r.state == ShardState.RUNNING) {
                    Path log = Path.of(r.log);
                    await(TIMEOUT, "the worker's pid in " + log, () -> workerPid(log) != null);
                    pids.add(workerPid(log));
                }
            }
            assertThat(pids).hasSize(2).allMatch(LaunchFixture::running);
            String jobId = f.runState().orElseThrow().jobId;
            assertThat(SlurmCluster.queued(jobId)).hasSize(3);

            new ProcessBuilder("kill", "-INT", Long.toString(launcher.pid())).start().waitFor();

            assertThat(f.exit(launcher, TIMEOUT)).as(f.output(0)).isEqualTo(130);
            assertThat(SlurmCluster.queued(jobId)).isEmpty();
            assertThat(pids).noneMatch(LaunchFixture::running);
            RunState state = f.runState().orElseThrow();
            assertThat(state.state).isEqualTo("interrupted");
            assertThat(state.signal).isEqualTo("SIGINT");
            assertThat(state.shards).allMatch(r -> r.state == ShardState.INTERRUPTED);
            assertThat(f.output(0)).contains("SIGINT received", "3 shards: 3 interrupted");
        }
    }

    private static Long workerPid(Path log) {
        try {
            Matcher m = Pattern.compile("sleeper shard \\d+/\\d+ pid (\\d+)").matcher(Files.readString(log));
            return m.find() ? Long.valueOf(m.group(1)) : null;
        } catch (IOException e) {
            return null;
        }
    }

    @Test
    void noWaitReturnsWithTheJobIdAndStopCancelsIt() throws Exception {
        SlurmCluster.require();
        LaunchFixture f = fixture("f", true, 2, "/bin/sh", worker("sleeper.sh"), "120");
        CliRunner.Result r = launch(f, "--no-wait");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        String jobId = f.runState().orElseThrow().jobId;
        assertThat(r.out()).contains("job " + jobId + " runs on its own", "augctl monitor --follow", "squeue -j " + jobId)
                .doesNotContain("shard  state");
        assertThat(SlurmCluster.queued(jobId)).hasSize(2);

        CliRunner.Result again = launch(f);
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("still queued or running in Slurm: " + jobId + "_0", "augctl stop");

        CliRunner.Result stop = CliRunner.run("stop", "--config", f.config.toString());
        assertThat(stop.exitCode()).isZero();
        assertThat(stop.out()).contains("job " + jobId + ": scancel", "no task left in squeue");
        assertThat(SlurmCluster.queued(jobId)).isEmpty();
        RunState state = f.runState().orElseThrow();
        assertThat(state.state).isEqualTo("interrupted");
        assertThat(state.shards).allSatisfy(s -> {
            assertThat(s.state).isEqualTo(ShardState.INTERRUPTED);
            assertThat(s.message).contains("augctl stop");
        });
    }

    @Test
    void dryRunPrintsTheScriptAndTheSbatchCommandAndSubmitsAndCreatesNothing() throws IOException {
        SlurmCluster.require();
        LaunchFixture f = fixture("f", true, 3, "/bin/sh", worker("exit.sh"), "{shard}");
        List<String> before = listing(f.dir);
        CliRunner.Result r = launch(f, "--dry-run", "--jobs", "2", "--partition", "debug", "--time", "00:05:00",
                "--sbatch-arg=--comment=dry run");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("sbatch command: sbatch --parsable --array=0-2%2 '--comment=dry run' "
                + f.logDir.resolve("slurm_job.sh"), "#SBATCH --partition=debug", "#SBATCH --time=00:05:00",
                "#SBATCH --job-name=" + jobName, "set -- '/bin/sh' '" + worker("exit.sh") + "' '1'");
        assertThat(listing(f.dir)).isEqualTo(before);
        assertThat(f.logDir).doesNotExist();
        assertThat(SlurmCluster.jobsNamed(jobName)).isEmpty();
    }

    @Test
    void anSbatchRefusalIsExit2WithSlurmsMessageAndNothingWritten() throws IOException {
        SlurmCluster.require();
        LaunchFixture f = fixture("f", true, 2, "/bin/sh", worker("exit.sh"), "{shard}");
        CliRunner.Result r = launch(f, "--partition", "nosuch");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("augctl: error: sbatch refused the job: ", "invalid partition specified: nosuch");
        CliRunner.Result time = launch(f, "--time", "bogus");
        assertThat(time.exitCode()).isEqualTo(2);
        assertThat(time.err()).contains("sbatch refused the job: ", "Invalid --time specification");
        assertThat(f.logDir).doesNotExist();
        assertThat(SlurmCluster.jobsNamed(jobName)).isEmpty();
    }

    @Test
    void withoutSbatchOnThePathItIsACleanExit2() throws Exception {
        // Needs no cluster: the launcher runs with a PATH that has no sbatch.
        LaunchFixture f = fixture("f", true, 2, "/bin/sh", worker("exit.sh"), "{shard}");
        Path emptyBin = Files.createDirectories(dir.resolve("bin"));
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.augctl.Main", "launch", "--config", f.config.toString());
        pb.environment().put("PATH", emptyBin.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isEqualTo(2);
        assertThat(output.strip()).isEqualTo(
                "augctl: error: sbatch not found: run this on a Slurm login node or use --executor local");
        assertThat(f.logDir).doesNotExist();
    }

    private static List<String> listing(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.map(Path::toString).sorted().toList();
        }
    }
}
