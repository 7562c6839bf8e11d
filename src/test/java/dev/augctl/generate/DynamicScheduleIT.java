package dev.augctl.generate;

import static dev.augctl.generate.GenerateFixture.methods;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dynamic schedule with real worker processes: shards racing for the same claims, a shard killed
 * with SIGKILL in the middle of a combo, and datasets byte for byte equal to the static schedule's
 * for every N.
 */
class DynamicScheduleIT {
    /** Twelve cheap methods: twelve small combos to race for. */
    static final String TWELVE = twelve();

    @TempDir
    Path dir;

    private static String twelve() {
        StringBuilder b = new StringBuilder("methods:\n");
        String[] types = {"word_swap", "char_swap", "word_delete"};
        for (int i = 0; i < 12; i++) {
            b.append("  - name: m").append(i).append('_').append(types[i % 3]).append('\n')
                    .append("    type: ").append(types[i % 3]).append('\n')
                    .append("    params: {").append(i % 3 == 1 ? "aug_word_p" : "aug_p").append(": ")
                    .append(0.05 + 0.02 * i).append("}\n");
        }
        return b.toString();
    }

    /** Starts shard {@code index} of {@code n} over output root {@code out}, with run id {@code runId}. */
    private Process shard(Path input, Path methods, Path out, int index, int n, String schedule, String runId)
            throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-Xmx256m", "-jar", WorkerProcess.jar().toString(), "generate",
                "--input", input.toString(), "--methods", methods.toString(), "--output-root", out.toString(),
                "--cache-db", out.resolveSibling(out.getFileName() + "-cache").resolve("shard" + index + ".db").toString(),
                "--shard-index", Integer.toString(index), "--num-shards", Integer.toString(n), "--schedule", schedule));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(WorkerProcess.home().toFile()).redirectErrorStream(true)
                .redirectOutput(out.resolveSibling(out.getFileName() + "-" + index + ".log").toFile());
        pb.environment().put("AUGCTL_RUN_ID", runId);
        Files.createDirectories(out);
        return pb.start();
    }

    /** Runs all N shards at once and waits for them; every one must succeed. */
    private void runAll(Path input, Path methods, Path out, int n, String schedule, String runId) throws Exception {
        List<Process> ps = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ps.add(shard(input, methods, out, i, n, schedule, runId));
        }
        for (int i = 0; i < n; i++) {
            Process p = ps.get(i);
            assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
            assertThat(p.exitValue()).as(log(out, i)).isZero();
        }
    }

    private static String log(Path out, int i) throws IOException {
        return Files.readString(out.resolveSibling(out.getFileName() + "-" + i + ".log"));
    }

    /** Combo name to the number of shard manifests (of N) that list it. */
    private static Map<String, Integer> listed(Path out, int n) throws IOException {
        Map<String, Integer> count = new HashMap<>();
        for (int i = 0; i < n; i++) {
            List<String> lines = Files.readAllLines(out.resolve("manifest_shard" + i + "_of_" + n + ".csv"));
            assertThat(lines.get(0)).startsWith("combo,methods,rows,rejected,path,shard_index,num_shards,seconds");
            lines.stream().skip(1).forEach(l -> count.merge(l.substring(0, l.indexOf(',')), 1, Integer::sum));
        }
        return count;
    }

    private static List<String> datasets(Path out) throws IOException {
        try (Stream<Path> s = Files.list(out)) {
            return s.filter(p -> p.getFileName().toString().startsWith("combo_")).map(p -> p.getFileName().toString())
                    .sorted().toList();
        }
    }

    private static void assertSameDatasets(Path expected, Path actual) throws IOException {
        List<String> combos = datasets(expected);
        assertThat(datasets(actual)).isEqualTo(combos);
        for (String c : combos) {
            assertThat(Files.readAllBytes(actual.resolve(c).resolve("dataset.parquet")))
                    .as(actual + ": " + c).isEqualTo(Files.readAllBytes(expected.resolve(c).resolve("dataset.parquet")));
        }
    }

    @Test
    void manyShardsRacing_everyComboRunsExactlyOnce() throws Exception {
        Path input = GenerateFixture.sample(dir, 12);
        Path methods = methods(dir, TWELVE);
        Path out = dir.resolve("race");
        runAll(input, methods, out, 8, "dynamic", "race-1");

        Map<String, Integer> listed = listed(out, 8);
        assertThat(listed).hasSize(12).allSatisfy((combo, times) -> assertThat(times).as(combo).isEqualTo(1));
        int starts = 0;
        for (int i = 0; i < 8; i++) {
            starts += (int) log(out, i).lines().filter(l -> l.contains(" start: combo_")).count();
        }
        assertThat(starts).as("combos started, all shards together").isEqualTo(12);
        try (Stream<Path> claims = Files.list(out.resolve(".claims"))) {
            assertThat(claims.map(Path::toString).toList()).hasSize(12).allSatisfy(c -> {
                assertThat(c).endsWith("@1.claim");
                assertThat(Files.readString(Path.of(c))).contains("\"run_id\":\"race-1\"", "\"done\":true");
            });
        }

        // A second run (a new run id) takes over every claim of the first and skips the complete combos.
        runAll(input, methods, out, 8, "dynamic", "race-2");
        assertThat(listed(out, 8)).hasSize(12).allSatisfy((combo, times) -> assertThat(times).as(combo).isEqualTo(1));
    }

    @Test
    void dynamicForN1_2_3_7_andStatic_giveTheSameBytes() throws Exception {
        Path input = GenerateFixture.sample(dir, 40);
        Path methods = methods(dir, TWELVE);
        Path reference = dir.resolve("static1");
        runAll(input, methods, reference, 1, "static", "s1");
        Path static3 = dir.resolve("static3");
        runAll(input, methods, static3, 3, "static", "s3");
        assertSameDatasets(reference, static3);
        for (int n : new int[] {1, 2, 3, 7}) {
            Path out = dir.resolve("dynamic" + n);
            runAll(input, methods, out, n, "dynamic", "d" + n);
            assertThat(listed(out, n)).hasSize(12).allSatisfy((combo, times) -> assertThat(times).isEqualTo(1));
            assertSameDatasets(reference, out);
        }
    }

    @Test
    void aShardKilledMidCombo_itsClaimIsTakenOver_andTheDatasetsAreTheSame() throws Exception {
        Path input = GenerateFixture.repeatedSample(dir.resolve("big.csv"), 10_000);
        Path methods = methods(dir, GenerateFixture.THREE_METHODS);
        Path out = dir.resolve("killed");
        Process victim = shard(input, methods, out, 0, 2, "dynamic", "run-k");
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            // Killed as soon as its first combo writes its dataset (a fixed pause let a fast machine finish it).
            while (!log(out, 0).contains("combo 1 start: ") || !partialDataset(out, log(out, 0))) {
                assertThat(victim.isAlive()).as("worker ended early: " + log(out, 0)).isTrue();
                assertThat(System.nanoTime()).as("timed out waiting for the first combo").isLessThan(deadline);
                Thread.sleep(2);
            }
        } finally {
            victim.destroyForcibly();
            assertThat(victim.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        String held = log(out, 0).lines().filter(l -> l.contains("combo 1 start: ")).findFirst().orElseThrow()
                .replaceAll(".*combo 1 start: ", "");
        assertThat(out.resolve(held).resolve("meta.json")).as("killed before its first combo completed").doesNotExist();
        assertThat(Files.readString(out.resolve(".claims").resolve(held + "@1.claim"))).contains("\"done\":false");

        // The other shard of the same run finds the owner dead and takes the combo over, with the rest.
        Process rescuer = shard(input, methods, out, 1, 2, "dynamic", "run-k");
        assertThat(rescuer.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(rescuer.exitValue()).as(log(out, 1)).isZero();
        assertThat(log(out, 1)).contains("start: " + held);
        assertThat(Files.readString(out.resolve(".claims").resolve(held + "@2.claim")))
                .contains("\"shard\":1", "\"done\":true");
        assertThat(Files.readAllLines(out.resolve("manifest_shard0_of_2.csv"))).as("the killed shard finished nothing").hasSize(1);
        assertThat(listed(out, 2)).hasSize(3).allSatisfy((combo, times) -> assertThat(times).isEqualTo(1));

        Path clean = dir.resolve("clean");
        runAll(input, methods, clean, 1, "static", "clean");
        assertSameDatasets(clean, out);
    }

    @Test
    void staticIsTheDefaultAndAnUnknownScheduleIsAUsageError() throws Exception {
        Path input = GenerateFixture.sample(dir, 5);
        Path methods = methods(dir, GenerateFixture.THREE_METHODS);
        Path log = dir.resolve("bad.log");
        int code = WorkerProcess.run(log, GenerateFixture.args(input, methods, dir, "--schedule", "eager"));
        assertThat(code).isEqualTo(2);
        assertThat(Files.readString(log)).contains("--schedule", "expected one of dynamic, static, got 'eager'");
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(Arrays.asList(Files.readString(log).split("\n"))).noneMatch(l -> l.contains("dynamic schedule"));
    }

    /** Whether the combo named in the log's first start line has its partial dataset on disk. */
    private static boolean partialDataset(Path out, String log) {
        return log.lines().filter(l -> l.contains("combo 1 start: ")).findFirst()
                .map(l -> Files.exists(out.resolve(l.replaceAll(".*combo 1 start: ", "")).resolve(".dataset.parquet.tmp")))
                .orElse(false);
    }
}
