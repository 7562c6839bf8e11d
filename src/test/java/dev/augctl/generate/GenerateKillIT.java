package dev.augctl.generate;

import static dev.augctl.generate.GenerateFixture.THREE_METHODS;
import static dev.augctl.generate.GenerateFixture.args;
import static dev.augctl.generate.GenerateFixture.methods;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker killed with SIGKILL in the middle of a combo resumes to the same bytes as an uninterrupted run. */
class GenerateKillIT {
    static final List<String> COMBOS = List.of("combo_1_word_swap", "combo_1_char_swap", "combo_1_word_delete");

    @TempDir
    Path dir;

    @Test
    void killedInTheMiddleOfACombo_theRerunCompletesWithIdenticalOutputs() throws Exception {
        Path input = GenerateFixture.repeatedSample(dir.resolve("big.csv"), 10_000);
        Path methods = methods(dir, THREE_METHODS);
        Path killed = dir.resolve("killed");
        Path clean = dir.resolve("clean");
        String[] killedArgs = args(input, methods, killed);
        Path log1 = dir.resolve("killed-1.log");

        Process p = WorkerProcess.start(log1, killedArgs);
        try {
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            // Killed as soon as combo 2 writes its dataset: a fixed pause after its start line let a
            // fast machine finish the combo before the kill.
            Path partial = killed.resolve("out/combo_1_char_swap/.dataset.parquet.tmp");
            while (!Files.readString(log1).contains("combo 2/3 start: combo_1_char_swap") || !Files.exists(partial)) {
                assertThat(p.isAlive()).as("worker ended early: " + Files.readString(log1)).isTrue();
                assertThat(System.nanoTime()).as("timed out waiting for combo 2").isLessThan(deadline);
                Thread.sleep(2);
            }
        } finally {
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(p.exitValue()).isEqualTo(137);
        Path combo2 = killed.resolve("out/combo_1_char_swap");
        assertThat(combo2.resolve("meta.json")).as("killed before combo 2 completed").doesNotExist();
        assertThat(combo2.resolve(".dataset.parquet.tmp")).as("a half-written dataset is left").exists();
        assertThat(Files.readAllLines(killed.resolve("out/manifest_shard0_of_1.csv"))).hasSize(2);

        Path log2 = dir.resolve("killed-2.log");
        assertThat(WorkerProcess.run(log2, killedArgs)).as(Files.readString(log2)).isZero();
        String resumed = Files.readString(log2);
        assertThat(resumed).contains("combo 1/3 done: combo_1_word_swap rows=").contains("(skipped: already complete)");
        assertThat(resumed).containsPattern("combo 2/3 done: combo_1_char_swap rows=\\d+ rejected=\\d+ seconds=\\d+\\.\\d\\n");

        Path log3 = dir.resolve("clean.log");
        assertThat(WorkerProcess.run(log3, args(input, methods, clean, "--num-proc", "2"))).as(Files.readString(log3)).isZero();

        for (String combo : COMBOS) {
            assertThat(Files.readAllBytes(killed.resolve("out/" + combo + "/dataset.parquet"))).as(combo)
                    .isEqualTo(Files.readAllBytes(clean.resolve("out/" + combo + "/dataset.parquet")));
        }
        assertThat(withoutSeconds(killed.resolve("out/manifest_shard0_of_1.csv")))
                .isEqualTo(withoutSeconds(clean.resolve("out/manifest_shard0_of_1.csv")))
                .hasSize(4);
        try (Stream<Path> files = Files.walk(killed.resolve("out"))) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    private static List<String> withoutSeconds(Path manifest) throws Exception {
        return Files.readAllLines(manifest).stream()
                .map(l -> String.join(",", Arrays.copyOf(l.split(","), 7)))
                .toList();
    }
}
