package dev.augctl.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar, run like a user runs it. */
class LaunchIT {
    private static final Path JAR = Path.of(System.getProperty("augctl.jar", "target/augctl.jar")).toAbsolutePath();
    private static final Path HOME = Path.of(System.getProperty("augctl.home", ".")).toAbsolutePath();

    @TempDir
    Path dir;

    private record Run(int code, String out) {
    }

    private Run augctl(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.add("-Xlog:class+load=info:file=" + dir.resolve("classes.txt"));
        cmd.add("-jar");
        cmd.add(JAR.toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(HOME.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(p.exitValue(), out);
    }

    @Test
    void dryRunFromTheJarNamesTheJarAndLoadsNoHeavyLibrary() throws Exception {
        Path logs = dir.resolve("logs");
        Run r = augctl("launch", "--dry-run", "--num-shards", "2", "--log-dir", logs.toString(),
                "--cache-dir", dir.resolve("cache").toString(), "--input", "data/sample/redsm5_sample.csv", "--methods", "conf/augment_methods.yaml");
        assertThat(r.code()).as(r.out()).isZero();
        assertThat(r.out()).contains(" -Xmx512m -jar " + JAR + " generate --input data/sample/redsm5_sample.csv",
                "--shard-index 1 --num-shards 2");
        assertThat(logs).doesNotExist();
        assertThat(dir.resolve("cache")).doesNotExist();
        String loaded = Files.readString(dir.resolve("classes.txt"));
        assertThat(loaded).contains("dev.augctl.launch.DryRun")
                .doesNotContain("ch.qos.logback", "org.apache.parquet", "org.sqlite", "net.sf.extjwnl");
    }

    @Test
    void theJarLaunchesAWorkerAndStopFindsNothingAfterwards() throws Exception {
        Path conf = dir.resolve("c.yaml");
        String worker = HOME.resolve("target/test-classes/workers/exit.sh").toString();
        Files.writeString(conf, "num_shards: 2\nlog_dir: \"" + dir.resolve("logs") + "\"\ncache_dir: \"" + dir.resolve("cache")
                + "\"\noutput_root: \"" + dir.resolve("out") + "\"\nworker:\n  command: [\"/bin/sh\", \"" + worker + "\", \"{shard}\", \"0\", \"5\"]\n");
        Run r = augctl("launch", "--config", conf.toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.out()).contains("shard 1/2 failed: exit 5", "2 shards: 1 succeeded, 1 failed");
        try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("run.json", "launch.lock", "shard_0_of_2.log", "shard_1_of_2.log",
                            "history.jsonl"); // the durations this launch measured
        }
        Run stop = augctl("stop", "--config", conf.toString());
        assertThat(stop.code()).isZero();
        assertThat(stop.out()).contains("nothing to stop");
    }
}
