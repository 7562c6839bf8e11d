package dev.augctl.launch;

import static dev.augctl.launch.LaunchFixture.worker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.CliRunner;
import dev.augctl.gpu.FakeNvidiaSmi;
import dev.augctl.run.RunState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** launch --gpus: CUDA_VISIBLE_DEVICES per shard, the dry run, run.json, the errors, 'all', and Slurm. */
class LaunchGpuTest {
    @TempDir
    Path dir;

    private LaunchFixture echo(int n) throws IOException {
        return new LaunchFixture(dir).config(n, 2, "/bin/sh", worker("echo.sh"), "{log}.out");
    }

    private static CliRunner.Result launch(LaunchFixture f, String... args) {
        return CliRunner.run(Stream.concat(Stream.of("launch", "--config", f.config.toString()), Arrays.stream(args))
                .toArray(String[]::new));
    }

    private static String env(LaunchFixture f, int shard, int n) throws IOException {
        return Files.readString(f.logDir.resolve("shard_" + shard + "_of_" + n + ".log.out.env"));
    }

    @Test
    void eachShardGetsItsGpusRoundRobinAndRunJsonRecordsThem() throws IOException {
        LaunchFixture f = echo(5);
        CliRunner.Result r = launch(f, "--gpus", "2,0,3,1", "--gpus-per-shard", "2", "--jobs", "2");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).doesNotContain("note:"); // 2 at once, 2 slots of 2 GPUs
        String[] expected = {"2,0", "3,1", "2,0", "3,1", "2,0"};
        RunState s = f.runState().orElseThrow();
        assertThat(s.gpusPerShard).isEqualTo(2);
        for (int i = 0; i < 5; i++) {
            assertThat(env(f, i, 5)).contains("CUDA_VISIBLE_DEVICES=" + expected[i] + "\n");
            assertThat(s.shard(i).orElseThrow().gpus).isEqualTo(expected[i]);
        }
    }

    @Test
    void withoutGpusNothingIsSetOrRecorded() throws IOException {
        LaunchFixture f = echo(2);
        CliRunner.Result r = launch(f);
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(env(f, 0, 2)).doesNotContain("CUDA_VISIBLE_DEVICES");
        assertThat(f.runState().orElseThrow().gpusPerShard).isNull();
        assertThat(f.runState().orElseThrow().shard(0).orElseThrow().gpus).isNull();
        assertThat(Files.readString(f.logDir.resolve("run.json"))).contains("\"gpus\" : null");
    }

    @Test
    void moreShardsAtOnceThanGpusRunWithANote() throws IOException {
        LaunchFixture f = echo(3);
        CliRunner.Result r = launch(f, "--gpus", "0");
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
        assertThat(r.out().lines().filter(l -> l.contains("note:")).toList()).singleElement().asString()
                .endsWith(" note: 3 shards at once on 1 GPU(s), 1 per shard: shards i and i+1 share GPUs "
                        + "(set --jobs 1 to give each running shard its own)");
        for (int i = 0; i < 3; i++) {
            assertThat(env(f, i, 3)).contains("CUDA_VISIBLE_DEVICES=0\n");
        }
    }

    @Test
    void theDryRunPrintsEachShardsGpus() throws IOException {
        LaunchFixture f = echo(3);
        CliRunner.Result r = launch(f, "--dry-run", "--gpus", "1,0");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("shard 0/3:", "  gpus:    CUDA_VISIBLE_DEVICES=1\n", "shard 2/3:")
                .contains("note: 3 shards at once on 2 GPU(s)");
        assertThat(r.out().lines().filter(l -> l.startsWith("  gpus:")).toList()).containsExactly(
                "  gpus:    CUDA_VISIBLE_DEVICES=1", "  gpus:    CUDA_VISIBLE_DEVICES=0", "  gpus:    CUDA_VISIBLE_DEVICES=1");
        assertThat(f.logDir).doesNotExist();
        assertThat(launch(f, "--dry-run").out()).doesNotContain("gpus:", "CUDA_VISIBLE_DEVICES");
    }

    @Test
    void badValuesAreOneLineAndExit2WithNothingWritten() throws IOException {
        LaunchFixture f = echo(2);
        CliRunner.Result list = launch(f, "--gpus", "0,gpu1");
        assertThat(list.exitCode()).isEqualTo(2);
        assertThat(list.err()).contains("--gpus must be none, all or a list of GPU indices or UUIDs such as 0,1; "
                + "'gpu1' in '0,gpu1' is not one");
        CliRunner.Result tooFew = launch(f, "--gpus", "0", "--gpus-per-shard", "2");
        assertThat(tooFew.exitCode()).isEqualTo(2);
        assertThat(tooFew.err()).contains("--gpus-per-shard (2) needs at least as many GPUs, but --gpus lists 1");
        CliRunner.Result zero = launch(f, "--gpus", "0", "--gpus-per-shard", "0");
        assertThat(zero.err()).contains("--gpus-per-shard must be at least 1, got 0");
        CliRunner.Result noGpus = launch(f, "--gpus-per-shard", "2");
        assertThat(noGpus.err()).contains("--gpus-per-shard (2) is set but gpus is none");

        Files.writeString(f.config, "gpus: 0,0\n", StandardOpenOption.APPEND);
        CliRunner.Result file = launch(f);
        assertThat(file.exitCode()).isEqualTo(2);
        assertThat(file.err().strip()).isEqualTo("augctl: error: " + f.config + ": gpus lists GPU 0 twice in '0,0'");
        Files.writeString(f.config, Files.readString(f.config).replace("gpus: 0,0\n", "")
                .replace("worker:\n", "worker:\n  env: {CUDA_VISIBLE_DEVICES: \"3\"}\n"));
        CliRunner.Result both = launch(f, "--gpus", "1");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err().strip()).isEqualTo("augctl: error: " + f.config
                + ": worker.env sets CUDA_VISIBLE_DEVICES while --gpus is 1: set one of them");
        assertThat(f.logDir).doesNotExist();
    }

    @Test
    void slurmAsksForGpusPerTaskAndLeavesTheBindingToSlurm() throws IOException {
        LaunchFixture f = echo(3);
        Files.writeString(f.config, "executor: slurm\n", StandardOpenOption.APPEND);
        CliRunner.Result r = launch(f, "--dry-run", "--gpus", "0,1", "--gpus-per-shard", "2");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("#SBATCH --cpus-per-task=1\n#SBATCH --gpus-per-task=2\n")
                .contains("  gpus:    2 per task, chosen by the scheduler\n")
                .doesNotContain("CUDA_VISIBLE_DEVICES", "note: 3 shards");
        assertThat(r.err()).contains("augctl: note: on Slurm each task asks --gpus-per-task=2 and Slurm chooses which; "
                + "the list 0,1 is not used");
        assertThat(launch(f, "--dry-run").out()).doesNotContain("--gpus-per-task");
    }

    /** augctl launch in a JVM of its own whose PATH is {@code path} (the tests' nvidia-smi, or none). */
    private static ProcessResult launchWithPath(LaunchFixture f, Path path, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.augctl.Main", "launch", "--config", f.config.toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("PATH", path + ":/usr/bin:/bin");
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new ProcessResult(p.exitValue(), output);
    }

    private record ProcessResult(int exitCode, String output) {
    }

    @Test
    void allMeansEveryGpuNvidiaSmiListsAndWithoutItIsExit2() throws Exception {
        LaunchFixture f = echo(3);
        FakeNvidiaSmi fake = FakeNvidiaSmi.in(dir.resolve("smi"))
                .answer("L.txt", "GPU 0: NVIDIA H200 (UUID: GPU-a)\nGPU 1: NVIDIA H200 (UUID: GPU-b)\n");
        ProcessResult all = launchWithPath(f, fake.dir(), "--dry-run", "--gpus", "all", "--jobs", "2");
        assertThat(all.exitCode()).as(all.output()).isZero();
        assertThat(all.output().lines().filter(l -> l.startsWith("  gpus:")).toList()).containsExactly(
                "  gpus:    CUDA_VISIBLE_DEVICES=0", "  gpus:    CUDA_VISIBLE_DEVICES=1", "  gpus:    CUDA_VISIBLE_DEVICES=0");
        assertThat(fake.calls()).containsExactly("-L");

        Path empty = Files.createDirectories(dir.resolve("empty-bin"));
        ProcessResult none = launchWithPath(f, empty, "--gpus", "all");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.output().strip()).isEqualTo("augctl: error: gpus all: nvidia-smi is not on PATH "
                + "(no NVIDIA driver here?); list the GPUs (--gpus 0,1) or use --gpus none");
        assertThat(f.logDir).doesNotExist();

        // On Slurm, 'all' asks nobody here: the tasks' nodes have the GPUs, not this login node.
        Files.writeString(f.config, "executor: slurm\n", StandardOpenOption.APPEND);
        ProcessResult slurm = launchWithPath(f, empty, "--dry-run", "--gpus", "all");
        assertThat(slurm.exitCode()).as(slurm.output()).isZero();
        assertThat(slurm.output()).contains("#SBATCH --gpus-per-task=1");
    }
}
