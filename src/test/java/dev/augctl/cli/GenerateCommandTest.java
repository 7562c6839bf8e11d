package dev.augctl.cli;

import static dev.augctl.generate.GenerateFixture.THREE_METHODS;
import static dev.augctl.generate.GenerateFixture.args;
import static dev.augctl.generate.GenerateFixture.methods;
import static dev.augctl.generate.GenerateFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.CliRunner;
import dev.augctl.common.Json;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.parquet.format.Util;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The worker's command line: options, validation, outputs, log, resume and cache (in-process). */
class GenerateCommandTest {
    static final String LOG_LINE = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (INFO |WARN |ERROR) .+";

    @TempDir
    Path dir;

    @Test
    void helpShowsEveryWorkerFlagWithItsDefault() {
        CliRunner.Result r = CliRunner.run("generate", "--help");
        assertThat(r.exitCode()).isZero();
        for (String flag : List.of("--input", "--methods", "--output-root", "--text-col", "--evidence-col",
                "--criterion-col", "--label-col", "--id-col", "--variants-per-sample", "--seed", "--quality-min-sim",
                "--quality-max-sim", "--combo-mode", "--num-proc", "--save-format", "--shard-index", "--num-shards",
                "--cache-db", "--force", "--max-text-chars")) {
            assertThat(r.out()).contains(flag);
        }
        assertThat(r.out()).contains("Default: data/sample/redsm5_sample.csv", "Default: conf/augment_methods.yaml",
                "Default: data/processed/augsets", "Default: 0.55", "Default: 0.95", "Default: singletons",
                "Default: parquet", "Default: sentence_id", "Default: DSM5_symptom", "Default: status",
                "Default: sentence_text", "Default: 42", "data/cache/augment_shard<I>.db");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--shard-index 3 --num-shards 3 | --shard-index must be in [0, 3), got 3",
        "--shard-index -1               | --shard-index must be in [0, 1), got -1",
        "--num-shards 0                 | --num-shards must be at least 1, got 0",
        "--variants-per-sample 0        | --variants-per-sample must be at least 1, got 0",
        "--quality-min-sim 0.9 --quality-max-sim 0.8 | --quality-min-sim (0.9) must not exceed --quality-max-sim (0.8)",
        "--quality-max-sim 1.5          | --quality-max-sim must be in [0, 1], got 1.5",
        "--quality-min-sim -0.1         | --quality-min-sim must be in [0, 1], got -0.1",
        "--num-proc 0                   | --num-proc must be at least 1, got 0",
        "--combo-mode triples           | Invalid value for option '--combo-mode'",
        "--save-format xlsx             | Invalid value for option '--save-format'",
    })
    void outOfRangeValuesAreUsageErrors(String flags, String message) throws Exception {
        String[] a = args(sample(dir, 5), methods(dir, THREE_METHODS), dir, flags.trim().split(" +"));
        CliRunner.Result r = CliRunner.run(a);
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(message);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aFullRunWritesDatasetsMetaManifestAndLogsInTheMonitorsFormat() throws Exception {
        Path input = sample(dir, 40);
        CliRunner.Result r = CliRunner.run(args(input, methods(dir, THREE_METHODS), dir));
        assertThat(r.exitCode()).as(r.err()).isZero();

        List<String> log = r.out().lines().toList();
        assertThat(log).allMatch(l -> l.matches(LOG_LINE));
        assertThat(log.get(0)).endsWith("INFO  shard 0/1: assigned 3 combos: combo_1_word_swap, combo_1_char_swap, "
                + "combo_1_word_delete");
        assertThat(log).anyMatch(l -> l.endsWith("INFO  combo 2/3 start: combo_1_char_swap"));
        assertThat(log).anyMatch(l -> l.endsWith("INFO  combo 3/3 progress: 40/40 rows (100.0%)"));
        assertThat(log).anyMatch(l -> l.matches(".* INFO  combo 1/3 done: combo_1_word_swap rows=\\d+ rejected=\\d+ seconds=\\d+\\.\\d"));
        assertThat(log.get(log.size() - 1)).matches(".* INFO  shard 0/1 complete: 3 combos, \\d+ rows, \\d+\\.\\d s");

        Path out = dir.resolve("out");
        List<String> manifest = Files.readAllLines(out.resolve("manifest_shard0_of_1.csv"));
        assertThat(manifest.get(0)).isEqualTo("combo,methods,rows,rejected,path,shard_index,num_shards,seconds,run_id");
        assertThat(manifest).hasSize(4);
        assertThat(manifest.get(2)).startsWith("combo_1_char_swap,char_swap,");
        assertThat(manifest.get(2)).contains(",combo_1_char_swap/dataset.parquet,0,1,");

        JsonNode meta = Json.mapper().readTree(out.resolve("combo_1_char_swap/meta.json").toFile());
        long rows = meta.get("rows").asLong();
        assertThat(manifest.get(2).split(",")[2]).isEqualTo(String.valueOf(rows));
        assertThat(rows + meta.get("rejected").asLong()).isEqualTo(80);
        assertThat(meta.get("methods").get(0).get("params").get("aug_word_p").asDouble()).isEqualTo(0.2);
        assertThat(meta.get("seed").asLong()).isEqualTo(42);
        assertThat(meta.get("variants_per_sample").asInt()).isEqualTo(2);
        assertThat(meta.get("quality_min_sim").asDouble()).isEqualTo(0.55);
        assertThat(meta.get("quality_max_sim").asDouble()).isEqualTo(0.95);
        assertThat(meta.get("save_format").asText()).isEqualTo("parquet");
        assertThat(meta.get("input_sha256").asText()).hasSize(64);
        assertThat(meta.get("tool_version").asText()).isEqualTo(dev.augctl.common.Version.current());
        assertThat(meta.get("cache").get("misses").asLong()).isEqualTo(meta.get("attempts").asLong());
        assertThat(meta.get("similarity").get("min").asDouble()).isBetween(0.55, meta.get("similarity").get("mean").asDouble());
        assertThat(meta.get("similarity").get("max").asDouble()).isLessThanOrEqualTo(0.95);
        assertThat(meta.has("started_at") && meta.has("finished_at") && meta.has("seconds")).isTrue();
        assertThat(parquetRowCount(out.resolve("combo_1_char_swap/dataset.parquet"))).isEqualTo(rows);
        try (Stream<Path> files = Files.walk(out)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp"))).isEmpty();
        }
    }

    @Test
    void badInputIsOneLineExit2AndWritesNothing() throws Exception {
        Path input = sample(dir, 5);
        Path methods = methods(dir, THREE_METHODS);
        CliRunner.Result r = CliRunner.run(args(input, methods, dir, "--label-col", "verdict"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("augctl: error: input " + input + " has no column 'verdict' (--label-col); "
                + "available columns: post_id, sentence_id, sentence_text, DSM5_symptom, status, explanation\n");
        assertThat(r.out().lines()).singleElement().asString().matches(".*Z ERROR input .* has no column 'verdict'.*");
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(dir.resolve("cache")).doesNotExist();
    }

    @Test
    void duplicateIdsEmptyTextAndBadMethodsWriteNothing() throws Exception {
        Path methods = methods(dir, THREE_METHODS);
        Path dup = sample(dir.resolve("dup"), 4, row -> {
            row.set(1, "same");
            return row;
        });
        CliRunner.Result r = CliRunner.run(args(dup, methods, dir));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("duplicate id 'same' in column 'sentence_id' on lines 2 and 3");

        Path empty = sample(dir.resolve("empty"), 4, row -> {
            row.set(2, row.get(1).endsWith("_6") ? "" : row.get(2));
            return row;
        });
        r = CliRunner.run(args(empty, methods, dir));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains(empty + " line 4: empty value in column 'sentence_text'");

        Path badMethods = methods(dir.resolve("m"), "methods:\n  - name: x\n    type: teleport\n");
        r = CliRunner.run(args(sample(dir, 4), badMethods, dir));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("teleport").doesNotContain("\tat ");

        r = CliRunner.run(args(dir.resolve("missing.csv"), methods, dir));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("augctl: error: input file not found: " + dir.resolve("missing.csv") + "\n");
        assertThat(dir.resolve("out")).doesNotExist();
        assertThat(dir.resolve("cache")).doesNotExist();
    }

    static long parquetRowCount(Path parquet) throws Exception {
        try (RandomAccessFile f = new RandomAccessFile(parquet.toFile(), "r")) {
            byte[] tail = new byte[8];
            f.seek(f.length() - 8);
            f.readFully(tail);
            assertThat(new String(tail, 4, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PAR1");
            int footer = (tail[0] & 0xff) | (tail[1] & 0xff) << 8 | (tail[2] & 0xff) << 16 | (tail[3] & 0xff) << 24;
            byte[] meta = new byte[footer];
            f.seek(f.length() - 8 - footer);
            f.readFully(meta);
            return Util.readFileMetaData(new java.io.ByteArrayInputStream(meta)).getNum_rows();
        }
    }
}
