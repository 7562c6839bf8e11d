package dev.augctl.cli;

import static dev.augctl.generate.GenerateFixture.THREE_METHODS;
import static dev.augctl.generate.GenerateFixture.args;
import static dev.augctl.generate.GenerateFixture.methods;
import static dev.augctl.generate.GenerateFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.CliRunner;
import dev.augctl.common.Json;
import dev.augctl.generate.Columns;
import dev.augctl.generate.InputTable;
import dev.augctl.generate.InputTableFile;
import dev.augctl.generate.augment.TextSimilarity;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the datasets hold: determinism across shards and threads, the quality filter, evidence, formats. */
class GenerateResultsTest {
    static final List<String> COMBOS = List.of("combo_1_word_swap", "combo_1_char_swap", "combo_1_word_delete");

    @TempDir
    Path dir;

    private static void ok(CliRunner.Result r) {
        assertThat(r.exitCode()).as(r.err() + r.out()).isZero();
    }

    @Test
    void oneShardAndThreeShardsWriteTheSameFilesByteForByte() throws Exception {
        Path input = sample(dir, 80);
        Path methods = methods(dir, THREE_METHODS);
        ok(CliRunner.run(args(input, methods, dir.resolve("one"))));
        for (int i = 0; i < 3; i++) {
            ok(CliRunner.run(args(input, methods, dir.resolve("three"), "--num-shards", "3", "--shard-index", String.valueOf(2 - i))));
        }
        for (String combo : COMBOS) {
            Path a = dir.resolve("one/out/" + combo + "/dataset.parquet");
            Path b = dir.resolve("three/out/" + combo + "/dataset.parquet");
            assertThat(Files.readAllBytes(b)).as(combo).isEqualTo(Files.readAllBytes(a));
        }
        List<String> single = Files.readAllLines(dir.resolve("one/out/manifest_shard0_of_1.csv"));
        List<String> shard1 = Files.readAllLines(dir.resolve("three/out/manifest_shard1_of_3.csv"));
        assertThat(shard1).hasSize(2);
        assertThat(shard1.get(1)).startsWith("combo_1_char_swap,char_swap,").contains(",1,3,");
        assertThat(cut(shard1.get(1), 5)).isEqualTo(cut(single.get(2), 5));
    }

    @Test
    void theLaunchersInputTableGivesTheCsvsDatasetsAndAStaleOneIsLeftForTheCsv() throws Exception {
        Path input = sample(dir, 60);
        Path methods = methods(dir, THREE_METHODS);
        Path table = dir.resolve("input.table");
        // what launch writes: the built-in worker's default column roles
        InputTableFile.write(table, InputTable.read(input, new Columns("sentence_text", "sentence_text", "DSM5_symptom",
                "status", "sentence_id")));
        ok(CliRunner.run(args(input, methods, dir.resolve("csv"))));
        CliRunner.Result fromTable = CliRunner.run(args(input, methods, dir.resolve("table"), "--input-table", table.toString()));
        ok(fromTable);
        assertThat(fromTable.out()).doesNotContain("input table");
        for (String combo : COMBOS) {
            assertThat(Files.readAllBytes(dir.resolve("table/out/" + combo + "/dataset.parquet"))).as(combo)
                    .isEqualTo(Files.readAllBytes(dir.resolve("csv/out/" + combo + "/dataset.parquet")));
            JsonNode a = Json.mapper().readTree(dir.resolve("csv/out/" + combo + "/meta.json").toFile());
            JsonNode b = Json.mapper().readTree(dir.resolve("table/out/" + combo + "/meta.json").toFile());
            for (String field : List.of("input_sha256", "input_types", "input_rows", "rows", "rejected")) {
                assertThat(b.get(field)).as(combo + " " + field).isEqualTo(a.get(field));
            }
        }
        // the CSV changes after the table was made: the worker says so and reads the CSV
        Path changed = sample(dir, 50);
        CliRunner.Result stale = CliRunner.run(args(changed, methods, dir.resolve("stale"), "--input-table", table.toString()));
        ok(stale);
        assertThat(stale.out()).contains("input table " + table + " not used (made from another input file, or from "
                + changed + " before it changed): reading " + changed);
        assertThat(Files.readString(dir.resolve("stale/out/manifest_shard0_of_1.csv"))).contains(",100,");
    }

    @Test
    void one_two_andFourThreadsWriteTheSameBytesInInputOrder() throws Exception {
        // 1,200 rows: several chunks of work per thread, so that the threads really interleave.
        Path input = dev.augctl.generate.GenerateFixture.repeatedSample(dir.resolve("in.csv"), 1200);
        Path methods = methods(dir, THREE_METHODS);
        for (String format : List.of("csv", "parquet")) {
            for (int p : new int[] {1, 2, 4}) {
                ok(CliRunner.run(args(input, methods, dir.resolve(format + p), "--num-proc", Integer.toString(p),
                        "--save-format", format)));
            }
            for (String combo : COMBOS) {
                byte[] one = Files.readAllBytes(dir.resolve(format + "1/out/" + combo + "/dataset." + format));
                assertThat(Files.readAllBytes(dir.resolve(format + "2/out/" + combo + "/dataset." + format))).isEqualTo(one);
                assertThat(Files.readAllBytes(dir.resolve(format + "4/out/" + combo + "/dataset." + format))).isEqualTo(one);
            }
        }
        List<CSVRecord> rows = readCsv(dir.resolve("csv4/out/combo_1_word_swap/dataset.csv"));
        List<String> sourceOrder = rows.stream().map(r -> r.get("source_id")).distinct().toList();
        List<String> inputOrder = readCsv(input).stream().map(r -> r.get("sentence_id")).filter(sourceOrder::contains).toList();
        assertThat(sourceOrder).isEqualTo(inputOrder);
    }

    @Test
    void keptVariantsPassTheQualityFilterAndCsvEqualsJsonl() throws Exception {
        Path input = sample(dir, 60);
        Path methods = methods(dir, THREE_METHODS);
        ok(CliRunner.run(args(input, methods, dir.resolve("csv"), "--save-format", "csv", "--variants-per-sample", "3",
                "--quality-min-sim", "0.7", "--quality-max-sim", "0.97")));
        ok(CliRunner.run(args(input, methods, dir.resolve("jsonl"), "--save-format", "jsonl", "--variants-per-sample", "3",
                "--quality-min-sim", "0.7", "--quality-max-sim", "0.97")));
        Map<String, CSVRecord> originals = new HashMap<>();
        readCsv(input).forEach(r -> originals.put(r.get("sentence_id"), r));
        for (String combo : COMBOS) {
            List<CSVRecord> rows = readCsv(dir.resolve("csv/out/" + combo + "/dataset.csv"));
            List<String> jsonl = Files.readAllLines(dir.resolve("jsonl/out/" + combo + "/dataset.jsonl"));
            assertThat(rows).hasSameSizeAs(jsonl).isNotEmpty();
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < rows.size(); i++) {
                CSVRecord r = rows.get(i);
                CSVRecord original = originals.get(r.get("source_id"));
                String text = r.get("sentence_text");
                double sim = Double.parseDouble(r.get("similarity"));
                assertThat(sim).isBetween(0.7, 0.97).isEqualTo(TextSimilarity.cosine3gram(original.get("sentence_text"), text));
                assertThat(text).isNotEqualTo(original.get("sentence_text"));
                assertThat(seen.add(r.get("source_id") + "\n" + text)).as("duplicate variant of a row").isTrue();
                assertThat(r.get("combo")).isEqualTo(combo);
                assertThat(Integer.parseInt(r.get("variant"))).isBetween(0, 2);
                assertThat(r.get("DSM5_symptom")).isEqualTo(original.get("DSM5_symptom"));
                assertThat(r.get("explanation")).isEqualTo(original.get("explanation"));

                JsonNode j = Json.mapper().readTree(jsonl.get(i));
                List<String> keys = new ArrayList<>();
                j.fieldNames().forEachRemaining(keys::add);
                assertThat(keys).isEqualTo(r.getParser().getHeaderNames());
                assertThat(j.get("sentence_text").asText()).isEqualTo(text);
                assertThat(j.get("variant").isInt()).isTrue();
                assertThat(j.get("similarity").asDouble()).isEqualTo(sim);
            }
            JsonNode meta = Json.mapper().readTree(dir.resolve("csv/out/" + combo + "/meta.json").toFile());
            assertThat(meta.get("rows").asLong() + meta.get("rejected").asLong()).isEqualTo(180);
            assertThat(meta.get("attempts").asLong()).isBetween(180L, 180L * 5);
        }
    }

    @Test
    void anImpossibleSimilarityWindowRejectsEveryVariantAfterFiveAttempts() throws Exception {
        Path input = sample(dir, 10);
        ok(CliRunner.run(args(input, methods(dir, THREE_METHODS), dir, "--quality-min-sim", "1", "--quality-max-sim", "1",
                "--save-format", "jsonl")));
        JsonNode meta = Json.mapper().readTree(dir.resolve("out/combo_1_char_swap/meta.json").toFile());
        assertThat(meta.get("rows").asLong()).isZero();
        assertThat(meta.get("rejected").asLong()).isEqualTo(20);
        assertThat(meta.get("attempts").asLong()).isEqualTo(100);
        assertThat(dir.resolve("out/combo_1_char_swap/dataset.jsonl")).isEmptyFile();
    }

    @Test
    void theEvidenceSpanSurvivesEveryVariantAndPairsApplyBothMethods() throws Exception {
        // The evidence column holds the middle words of each text; word_delete at 0.5 would remove them often.
        Path input = sample(dir, 40, row -> {
            String[] words = row.get(2).split(" ");
            row.set(5, String.join(" ", List.of(words).subList(2, Math.min(words.length, 5))));
            return row;
        });
        Path methods = methods(dir, """
                methods:
                  - name: del
                    type: word_delete
                    params: {aug_p: 0.5}
                  - name: swap
                    type: char_swap
                    params: {aug_word_p: 0.3}
                """);
        ok(CliRunner.run(args(input, methods, dir, "--evidence-col", "explanation", "--combo-mode", "pairs",
                "--save-format", "csv", "--quality-min-sim", "0")));
        assertThat(Files.readAllLines(dir.resolve("out/manifest_shard0_of_1.csv")).get(1)).startsWith("combo_2_del+swap,del+swap,");
        List<CSVRecord> rows = readCsv(dir.resolve("out/combo_2_del+swap/dataset.csv"));
        assertThat(rows).isNotEmpty();
        for (CSVRecord r : rows) {
            assertThat(r.get("sentence_text")).contains(r.get("explanation"));
        }
    }

    private static String cut(String csvLine, int columns) {
        return String.join(",", List.of(csvLine.split(",")).subList(0, columns));
    }

    static List<CSVRecord> readCsv(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            return p.getRecords();
        }
    }
}
