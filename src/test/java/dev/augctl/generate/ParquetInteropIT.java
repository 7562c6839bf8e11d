package dev.augctl.generate;

import static dev.augctl.generate.GenerateFixture.args;
import static dev.augctl.generate.GenerateFixture.methods;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.common.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Parquet files read by an independent implementation (hyparquet, in Node.js) hold exactly the
 * rows of the same combo written as JSON Lines. Runs when node and the npm packages are available
 * (installs them into target/node when npm can); required, not skipped, when CI=true.
 */
class ParquetInteropIT {
    /** One combo, so each dataset is {@code <format>/out/combo_1_typos/dataset.<ext>}. */
    private static final String TYPOS = """
            methods:
              - name: typos
                type: char_swap
                params: {aug_word_p: 0.3}
            """;

    @TempDir
    Path dir;

    @Test
    void hyparquetReadsTheSameRowsAsTheJsonlDataset() throws Exception {
        Path script = readParquetScript();
        Path input = WorkerProcess.home().resolve(GenerateFixture.SAMPLE).toAbsolutePath();
        Path methods = methods(dir, TYPOS);
        Path log = dir.resolve("w.log");
        assertThat(WorkerProcess.run(log, args(input, methods, dir.resolve("pq")))).as(Files.readString(log)).isZero();
        assertThat(WorkerProcess.run(log, args(input, methods, dir.resolve("js"), "--save-format", "jsonl")))
                .as(Files.readString(log)).isZero();

        List<JsonNode> fromParquet = readParquet(script, dir.resolve("pq/out/combo_1_typos/dataset.parquet"));
        List<JsonNode> fromJsonl = parse(Files.readAllLines(dir.resolve("js/out/combo_1_typos/dataset.jsonl")));
        assertThat(fromParquet).hasSizeGreaterThan(300).hasSameSizeAs(fromJsonl);
        assertThat(fromParquet).allSatisfy(row -> assertThat(row.get("status").isIntegralNumber()).as("status is int64").isTrue());
        for (int i = 0; i < fromJsonl.size(); i++) {
            assertThat(fromParquet.get(i)).as("row " + i).isEqualTo(fromJsonl.get(i));
        }
    }

    @Test
    void hyparquetReadsTypedColumnsWithTheirTypesAndNulls() throws Exception {
        Path script = readParquetScript();
        Path input = Files.writeString(dir.resolve("typed.csv"), """
                sentence_id,sentence_text,DSM5_symptom,status,score,flag,mixed
                1,I have not slept well for weeks now and I feel tired,SLEEP,1,0.5,true,7
                2,Nothing I do seems to matter any more these days,WORTH,0,,False,n/a
                3,I keep thinking about how everything went wrong,GUILT,1,2,TRUE,
                """);
        Path methods = methods(dir, TYPOS);
        Path log = dir.resolve("w.log");
        for (String format : List.of("parquet", "jsonl")) {
            assertThat(WorkerProcess.run(log, args(input, methods, dir.resolve(format), "--save-format", format,
                    "--quality-min-sim", "0"))).as(Files.readString(log)).isZero();
        }
        List<JsonNode> fromParquet = readParquet(script, dir.resolve("parquet/out/combo_1_typos/dataset.parquet"));
        List<JsonNode> fromJsonl = parse(Files.readAllLines(dir.resolve("jsonl/out/combo_1_typos/dataset.jsonl")));
        // JavaScript has one number type (2.0 reads back as 2): compare numbers by value
        assertThat(fromParquet.stream().map(ParquetInteropIT::numbersAsDoubles).toList()).isNotEmpty()
                .isEqualTo(fromJsonl.stream().map(ParquetInteropIT::numbersAsDoubles).toList());
        for (JsonNode row : fromParquet) {
            assertThat(row.get("sentence_id").isIntegralNumber()).as(row.toString()).isTrue();
            assertThat(row.get("source_id")).isEqualTo(row.get("sentence_id"));
            assertThat(row.get("status").isIntegralNumber()).isTrue();
            assertThat(row.get("flag").isBoolean()).isTrue();
            assertThat(row.get("mixed").isTextual() || row.get("mixed").isNull()).isTrue();
            assertThat(row.get("sentence_text").isTextual()).isTrue();
            assertThat(row.get("variant").isIntegralNumber()).isTrue();
            assertThat(row.get("similarity").isFloatingPointNumber() || row.get("similarity").isNumber()).isTrue();
            switch (row.get("sentence_id").asInt()) {
                case 1 -> assertThat(row.get("score").asDouble()).isEqualTo(0.5);
                case 2 -> assertThat(row.get("score").isNull()).as("an empty cell is null").isTrue();
                default -> assertThat(row.get("mixed").isNull()).isTrue();
            }
        }
        JsonNode meta = Json.mapper().readTree(dir.resolve("parquet/out/combo_1_typos/meta.json").toFile());
        assertThat(meta.get("input_types").toString()).isEqualTo("{\"sentence_id\":\"int64\",\"sentence_text\":\"string\","
                + "\"DSM5_symptom\":\"string\",\"status\":\"int64\",\"score\":\"double\",\"flag\":\"boolean\",\"mixed\":\"string\"}");
    }

    @Test
    void theJarThatWritesParquetHoldsNoHadoopClass() throws Exception {
        try (java.util.jar.JarFile jar = new java.util.jar.JarFile(WorkerProcess.jar().toFile())) {
            assertThat(jar.stream().map(java.util.jar.JarEntry::getName))
                    .contains("org/apache/parquet/hadoop/ParquetWriter.class")
                    .noneMatch(n -> n.startsWith("org/apache/hadoop/"));
        }
    }

    private static JsonNode numbersAsDoubles(JsonNode row) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = Json.mapper().createObjectNode();
        row.fields().forEachRemaining(e -> copy.set(e.getKey(), e.getValue().isNumber()
                ? com.fasterxml.jackson.databind.node.DoubleNode.valueOf(e.getValue().asDouble()) : e.getValue()));
        return copy;
    }

    /** The rows of a Parquet file as hyparquet reads them, one JSON object each. */
    private static List<JsonNode> readParquet(Path script, Path parquet) throws Exception {
        Process node = new ProcessBuilder("node", script.toString(), parquet.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String rows = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(node.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(node.exitValue()).isZero();
        return parse(rows.lines().toList());
    }

    /** The reading script, copied beside the installed hyparquet (Node resolves modules from the script's folder). */
    private static Path readParquetScript() throws Exception {
        Path nodeDir = nodeWithHyparquet();
        return Files.copy(WorkerProcess.home().resolve("src/test/node/read_parquet.mjs"),
                nodeDir.resolve("read_parquet.mjs"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static List<JsonNode> parse(List<String> lines) throws IOException {
        List<JsonNode> rows = new ArrayList<>();
        for (String l : lines) {
            rows.add(Json.mapper().readTree(l));
        }
        return rows;
    }

    /** target/node with hyparquet and hyparquet-compressors installed, or the test aborts (fails on CI). */
    private static Path nodeWithHyparquet() throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        Path nodeDir = WorkerProcess.home().resolve("target/node").toAbsolutePath();
        String missing = null;
        if (exec(nodeDir.getParent(), "node", "--version") != 0) {
            missing = "node is not installed";
        } else if (!Files.isDirectory(nodeDir.resolve("node_modules/hyparquet-compressors"))
                && exec(nodeDir.getParent(), "npm", "install", "--no-save", "--prefix", nodeDir.toString(),
                        "hyparquet@1.33.0", "hyparquet-compressors@1.1.2") != 0) {
            missing = "npm could not install hyparquet and hyparquet-compressors into " + nodeDir;
        }
        if (missing != null) {
            if (ci) {
                throw new AssertionError("CI=true requires the Parquet interop check: " + missing);
            }
            Assumptions.abort(missing);
        }
        return nodeDir;
    }

    private static int exec(Path cwd, String... cmd) {
        try {
            Files.createDirectories(cwd);
            Process p = new ProcessBuilder(cmd).directory(cwd.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                return -1;
            }
            return p.exitValue();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
