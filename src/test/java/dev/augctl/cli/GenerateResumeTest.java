package dev.augctl.cli;

import static dev.augctl.generate.GenerateFixture.THREE_METHODS;
import static dev.augctl.generate.GenerateFixture.args;
import static dev.augctl.generate.GenerateFixture.methods;
import static dev.augctl.generate.GenerateFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.CliRunner;
import dev.augctl.common.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reruns: skipping complete combos, recomputing changed ones, the warm cache, leftovers of a killed run. */
class GenerateResumeTest {
    static final List<String> COMBOS = GenerateResultsTest.COMBOS;

    @TempDir
    Path dir;

    Path input;
    Path methods;
    Path out;

    @BeforeEach
    void firstRun() throws Exception {
        input = sample(dir, 50);
        methods = methods(dir, THREE_METHODS);
        out = dir.resolve("out");
        run();
    }

    private CliRunner.Result run(String... extra) {
        CliRunner.Result r = CliRunner.run(args(input, methods, dir, extra));
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
        return r;
    }

    private Map<String, byte[]> datasets() throws Exception {
        Map<String, byte[]> bytes = new HashMap<>();
        for (String c : COMBOS) {
            bytes.put(c, Files.readAllBytes(out.resolve(c + "/dataset.parquet")));
        }
        return bytes;
    }

    private JsonNode meta(String combo) throws Exception {
        return Json.mapper().readTree(out.resolve(combo + "/meta.json").toFile());
    }

    @Test
    void aRerunSkipsCompleteCombosAndListsThemInTheManifest() throws Exception {
        List<String> manifest = Files.readAllLines(out.resolve("manifest_shard0_of_1.csv"));
        String metaBefore = Files.readString(out.resolve("combo_1_word_swap/meta.json"));
        CliRunner.Result r = run();
        assertThat(r.out().lines().filter(l -> l.contains("(skipped: already complete)"))).hasSize(3);
        assertThat(r.out()).contains("combo 2/3 done: combo_1_char_swap rows=" + meta("combo_1_char_swap").get("rows")
                + " rejected=" + meta("combo_1_char_swap").get("rejected") + " seconds=0.0 (skipped: already complete)");
        assertThat(Files.readAllLines(out.resolve("manifest_shard0_of_1.csv"))).isEqualTo(manifest);
        assertThat(Files.readString(out.resolve("combo_1_word_swap/meta.json"))).isEqualTo(metaBefore);
    }

    @Test
    void changedParametersAreRecomputedAndSaySo() throws Exception {
        CliRunner.Result r = run("--seed", "7", "--quality-max-sim", "0.9");
        assertThat(r.out()).contains("recomputing combo_1_char_swap (parameters changed: seed, quality_max_sim)");
        assertThat(r.out()).doesNotContain("skipped");
        assertThat(meta("combo_1_char_swap").get("seed").asLong()).isEqualTo(7);

        Files.writeString(methods, THREE_METHODS.replace("aug_word_p: 0.2", "aug_word_p: 0.3"));
        r = run("--seed", "7", "--quality-max-sim", "0.9");
        assertThat(r.out()).contains("recomputing combo_1_char_swap (parameters changed: methods)");
        assertThat(r.out().lines().filter(l -> l.contains("skipped"))).hasSize(2);

        Files.writeString(input, Files.readString(input) + "s_x,s_x_1,One more sentence to change the checksum.,X,0,e\n");
        r = run("--seed", "7", "--quality-max-sim", "0.9");
        assertThat(r.out()).contains("recomputing combo_1_word_swap (parameters changed: input_sha256)");
    }

    @Test
    void aWarmRerunWithForceDoesNoAugmentationAndWritesTheSameBytes() throws Exception {
        Map<String, byte[]> first = datasets();
        CliRunner.Result r = run("--force");
        assertThat(r.out()).contains("recomputing combo_1_word_delete (--force)").doesNotContain("skipped");
        for (String c : COMBOS) {
            JsonNode meta = meta(c);
            assertThat(meta.get("cache").get("misses").asLong()).as(c).isZero();
            assertThat(meta.get("cache").get("hits").asLong()).as(c).isEqualTo(meta.get("attempts").asLong()).isPositive();
        }
        assertThat(datasets()).allSatisfy((c, b) -> assertThat(b).isEqualTo(first.get(c)));
    }

    @Test
    void leftoversOfAKilledRunAreRemovedAndIncompleteCombosRedone() throws Exception {
        Map<String, byte[]> first = datasets();
        Files.delete(out.resolve("combo_1_char_swap/meta.json"));
        Files.writeString(out.resolve("combo_1_char_swap/.dataset.parquet.tmp"), "half");
        Files.writeString(out.resolve("combo_1_word_swap/.meta.json.123.tmp"), "half");
        Files.writeString(out.resolve(".manifest_shard0_of_1.csv.456.tmp"), "half");
        CliRunner.Result r = run();
        assertThat(r.out().lines().filter(l -> l.contains("skipped"))).hasSize(2);
        assertThat(r.out()).contains("combo 2/3 done: combo_1_char_swap rows=");
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
        assertThat(datasets()).allSatisfy((c, b) -> assertThat(b).as(c).isEqualTo(first.get(c)));
    }

    @Test
    void aCorruptCacheIsReportedOnceAndRebuilt() throws Exception {
        Path db = dir.resolve("cache/augment.db");
        Files.delete(db);
        Files.write(db, "this is not a database, just some bytes that SQLite cannot read".repeat(100).getBytes());
        CliRunner.Result r = run("--force");
        assertThat(r.out().lines().filter(l -> l.contains(" WARN  "))).singleElement().asString()
                .contains("cache " + db + " is unusable").contains("moved it to augment.db.corrupt-");
        try (Stream<Path> files = Files.list(db.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString())).anyMatch(n -> n.startsWith("augment.db.corrupt-"));
        }
        assertThat(meta("combo_1_word_swap").get("cache").get("hits").asLong()).isZero();
    }

    @Test
    void aShardWithNoCombosWritesAHeaderOnlyManifest() throws Exception {
        CliRunner.Result r = run("--num-shards", "5", "--shard-index", "4");
        List<String> log = r.out().lines().toList();
        assertThat(log).hasSize(2);
        assertThat(log.get(0)).endsWith("INFO  shard 4/5: assigned 0 combos");
        assertThat(log.get(1)).matches(".* INFO  shard 4/5 complete: 0 combos, 0 rows, \\d+\\.\\d s");
        assertThat(Files.readAllLines(out.resolve("manifest_shard4_of_5.csv")))
                .containsExactly("combo,methods,rows,rejected,path,shard_index,num_shards,seconds,run_id");
    }
}
