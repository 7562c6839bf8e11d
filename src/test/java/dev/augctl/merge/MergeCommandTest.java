package dev.augctl.merge;

import static dev.augctl.merge.Fixtures.HEADER;
import static dev.augctl.merge.Fixtures.manifest;
import static dev.augctl.merge.Fixtures.row;
import static dev.augctl.merge.Fixtures.workerManifest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.CliRunner;
import dev.augctl.common.Json;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code augctl merge} on valid input: the merged file, the deletions, the statistics. */
class MergeCommandTest {
    @TempDir
    Path root;

    private CliRunner.Result merge(String... args) {
        List<String> argv = new ArrayList<>(List.of("merge", "--output-root", root.toString()));
        argv.addAll(List.of(args));
        return CliRunner.run(argv.toArray(new String[0]));
    }

    private String merged() throws IOException {
        return Files.readString(root.resolve("manifest_final.csv"));
    }

    @Test
    void concatenatesInShardOrderAndDeletesTheShards() throws IOException {
        workerManifest(root, 1, 3, "combo_1_ocr");
        workerManifest(root, 0, 3, "combo_1_eda", "combo_1_aeda");
        workerManifest(root, 2, 3, "combo_1_typo");

        CliRunner.Result r = merge();

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(merged()).isEqualTo(String.join("\n", HEADER,
                row("combo_1_eda", 100, 0, 0, 3), row("combo_1_aeda", 200, 1, 0, 3),
                row("combo_1_ocr", 100, 0, 1, 3), row("combo_1_typo", 100, 0, 2, 3)) + "\n");
        assertThat(Fixtures.names(root)).containsExactly("manifest_final.csv");
        assertThat(r.out()).contains("merged 3 shard manifests (N=3) into " + root.resolve("manifest_final.csv"))
                .containsPattern("combos +4\n")
                .containsPattern("rows +500\n")
                .contains("min 100 (combo_1_eda, combo_1_ocr, combo_1_typo), max 200 (combo_1_aeda), average 125.0")
                .containsPattern("rejected +1\n")
                .contains("deleted (--keep-shards keeps them)");
        assertThat(r.out()).containsPattern("0  manifest_shard0_of_3.csv +2 +300 +1\n")
                .containsPattern("1  manifest_shard1_of_3.csv +1 +100 +0\n")
                .containsPattern("total +4 +500 +1\n");
    }

    @Test
    void sortsShardsNumericallySoShard10FollowsShard9() throws IOException {
        for (int i = 11; i >= 0; i--) {
            workerManifest(root, i, 12, "combo_" + i + "_m");
        }
        CliRunner.Result r = merge();
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> combos = new ArrayList<>();
        for (String line : merged().split("\n")) {
            combos.add(line.substring(0, line.indexOf(',')));
        }
        assertThat(combos).containsExactly("combo", "combo_0_m", "combo_1_m", "combo_2_m", "combo_3_m", "combo_4_m",
                "combo_5_m", "combo_6_m", "combo_7_m", "combo_8_m", "combo_9_m", "combo_10_m", "combo_11_m");
    }

    @Test
    void keepShardsLeavesTheShardManifests() throws IOException {
        workerManifest(root, 0, 2, "combo_1_a");
        workerManifest(root, 1, 2, "combo_1_b");
        CliRunner.Result r = merge("--keep-shards");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Fixtures.names(root)).containsExactly("manifest_final.csv", "manifest_shard0_of_2.csv",
                "manifest_shard1_of_2.csv");
        assertThat(r.out()).containsPattern("shard manifests +kept");
    }

    @Test
    void mergingTwiceWithKeepShardsReplacesThePreviousFinalManifest() throws IOException {
        workerManifest(root, 0, 1, "combo_1_a");
        Files.writeString(root.resolve("manifest_final.csv"), "stale,content\n");
        assertThat(merge("--keep-shards").exitCode()).isZero();
        String first = merged();
        CliRunner.Result again = merge("--keep-shards");
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(merged()).isEqualTo(first).startsWith(HEADER + "\n").doesNotContain("stale");
    }

    @Test
    void outputNameChoosesTheFileAndAnyOldFinalManifestIsIgnored() throws IOException {
        workerManifest(root, 0, 1, "combo_1_a");
        Files.writeString(root.resolve("manifest_final.csv"), "old\n");
        CliRunner.Result r = merge("--output-name", "all.csv");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(root.resolve("all.csv"))).startsWith(HEADER + "\ncombo_1_a,");
        assertThat(Fixtures.names(root)).containsExactly("all.csv", "manifest_final.csv");
        assertThat(Files.readString(root.resolve("manifest_final.csv"))).isEqualTo("old\n");
    }

    @Test
    void aHeaderOnlyManifestIsAnEmptyShard() throws IOException {
        workerManifest(root, 0, 2, "combo_1_a");
        manifest(root, 1, 2, HEADER);
        CliRunner.Result r = merge();
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(merged()).isEqualTo(HEADER + "\n" + row("combo_1_a", 100, 0, 0, 2) + "\n");
        assertThat(r.out()).containsPattern("1  manifest_shard1_of_2.csv +0 +0 +0\n");
    }

    @Test
    void allHeaderOnlyGivesAHeaderOnlyManifestAndNoExtremes() throws IOException {
        manifest(root, 0, 1, HEADER);
        CliRunner.Result r = merge("--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(merged()).isEqualTo(HEADER + "\n");
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("total_combos").asLong()).isZero();
        assertThat(doc.get("min_rows").isNull()).isTrue();
        assertThat(doc.get("average_rows").isNull()).isTrue();
    }

    @Test
    void parsesQuotedCommasNewlinesQuotesBomAndCrlfAndWritesProperCsv() throws IOException {
        String h = "combo,methods,rows,note";
        Fixtures.write(root.resolve("manifest_shard0_of_2.csv"), "\uFEFF" + h + "\r\n"
                + "combo_2_a+b,\"a, then b\",10,\"line one\r\nline two\"\r\n"
                + "combo_1_q,q,20,\"she said \"\"hi\"\"\"\r\n");
        Fixtures.write(root.resolve("manifest_shard1_of_2.csv"), h + "\n\ncombo_1_z,z,30,plain\n");

        CliRunner.Result r = merge();

        assertThat(r.exitCode()).as(r.err()).isZero();
        String out = merged();
        assertThat(out).doesNotStartWith("\uFEFF").startsWith(h + "\n");
        assertThat(out).contains("combo_2_a+b,\"a, then b\",10,\"line one\r\nline two\"\n")
                .contains("combo_1_q,q,20,\"she said \"\"hi\"\"\"\n")
                .endsWith("combo_1_z,z,30,plain\n");
        try (CSVParser p = CSVParser.parse(new StringReader(out), CSVFormat.RFC4180)) {
            List<CSVRecord> records = p.getRecords();
            assertThat(records).hasSize(4);
            assertThat(records.get(1).toList()).containsExactly("combo_2_a+b", "a, then b", "10", "line one\r\nline two");
            assertThat(records.get(2).get(3)).isEqualTo("she said \"hi\"");
        }
        assertThat(r.out()).containsPattern("rows +60\n");
    }

    @Test
    void customKeyAndRowsColumnsByFlag() throws IOException {
        manifest(root, 0, 2, "combo_name,num_rows,source", "mine_a,7,x", "mine_b,3,y");
        manifest(root, 1, 2, "combo_name,num_rows,source", "mine_c,5,z");
        CliRunner.Result r = merge("--key-column", "combo_name", "--rows-column", "num_rows", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("total_rows").asLong()).isEqualTo(15);
        assertThat(doc.get("min_rows").get("combos").get(0).asText()).isEqualTo("mine_b");
        assertThat(doc.get("max_rows").get("combos").get(0).asText()).isEqualTo("mine_a");
        assertThat(doc.get("total_rejected").isNull()).isTrue();
        assertThat(doc.get("shards").get(0).get("rejected").isNull()).isTrue();
        assertThat(merged()).isEqualTo("combo_name,num_rows,source\nmine_a,7,x\nmine_b,3,y\nmine_c,5,z\n");
    }

    @Test
    void customColumnsAndOutputNameFromTheConfigFile() throws IOException {
        manifest(root, 0, 1, "combo_name,num_rows", "mine_a,7", "mine_b,9");
        Path config = Fixtures.write(root.resolve("cfg/augctl.yaml"), "output_root: " + root + "\n"
                + "merge:\n  output_name: merged.csv\n  key_column: combo_name\n  rows_column: num_rows\n");
        CliRunner.Result r = CliRunner.run("merge", "--config", config.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readString(root.resolve("merged.csv"))).isEqualTo("combo_name,num_rows\nmine_a,7\nmine_b,9\n");
        assertThat(r.out()).containsPattern("rows +16\n").doesNotContain("rejected");
    }

    @Test
    void jsonPrintsOneDocumentAndNothingElse() throws IOException {
        workerManifest(root, 0, 2, "combo_1_a", "combo_1_b");
        workerManifest(root, 1, 2, "combo_1_c");
        CliRunner.Result r = merge("--json", "--keep-shards");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(r.out().trim()).startsWith("{").endsWith("}");
        assertThat(doc.get("output").asText()).isEqualTo(root.resolve("manifest_final.csv").toString());
        assertThat(doc.get("written").asBoolean()).isTrue();
        assertThat(doc.get("shards_deleted").asBoolean()).isFalse();
        assertThat(doc.get("num_shards").asInt()).isEqualTo(2);
        assertThat(doc.get("total_combos").asLong()).isEqualTo(3);
        assertThat(doc.get("total_rows").asLong()).isEqualTo(400);
        assertThat(doc.get("total_rejected").asLong()).isEqualTo(1);
        assertThat(doc.get("average_rows").asDouble()).isEqualTo(400.0 / 3);
        assertThat(doc.get("max_rows").get("rows").asLong()).isEqualTo(200);
        assertThat(doc.get("max_rows").get("combos").get(0).asText()).isEqualTo("combo_1_b");
        assertThat(doc.get("min_rows").get("count").asLong()).isEqualTo(2);
        assertThat(doc.get("shards")).hasSize(2);
        assertThat(doc.get("shards").get(1).get("file").asText()).isEqualTo("manifest_shard1_of_2.csv");
        assertThat(doc.get("shards").get(1).get("rows").asLong()).isEqualTo(100);
        assertThat(doc.get("verify").isNull()).isTrue();
    }

    @Test
    void extremesNameAFewCombosAndCountTheRest() throws IOException {
        workerManifest(root, 0, 1, "combo_1_a");
        Files.writeString(root.resolve("manifest_shard0_of_1.csv"), String.join("\n", HEADER,
                row("c1", 5, 0, 0, 1), row("c2", 5, 0, 0, 1), row("c3", 5, 0, 0, 1), row("c4", 5, 0, 0, 1),
                row("c5", 5, 0, 0, 1), row("big", 9, 0, 0, 1)) + "\n");
        CliRunner.Result r = merge();
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("min 5 (c1, c2, c3 +2 more), max 9 (big), average 5.7");
    }

    @Test
    void allowMissingMergesThePresentShardsAndReportsTheAbsentOnes() throws IOException {
        workerManifest(root, 0, 4, "combo_1_a");
        workerManifest(root, 2, 4, "combo_1_c");
        CliRunner.Result r = merge("--allow-missing", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning").contains("[1, 3]").contains("N=4");
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("missing_shards").toString()).isEqualTo("[1,3]");
        assertThat(merged()).contains("combo_1_a").contains("combo_1_c");
        assertThat(Fixtures.names(root)).containsExactly("manifest_final.csv");
    }

    @Test
    void unrelatedFilesAndFoldersUnderTheRootAreLeftAlone() throws IOException {
        workerManifest(root, 0, 1, "combo_1_a");
        Fixtures.write(root.resolve("combo_1_a/meta.json"), "{}");
        Fixtures.write(root.resolve("notes.csv"), "x\n");
        Fixtures.write(root.resolve(".manifest_shard0_of_1.csv.123.tmp"), "partial");
        CliRunner.Result r = merge();
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Fixtures.names(root)).containsExactly(".manifest_shard0_of_1.csv.123.tmp", "combo_1_a",
                "manifest_final.csv", "notes.csv");
    }

    @Test
    void helpExplainsTheOptions() {
        CliRunner.Result r = CliRunner.run("merge", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--output-root", "--output-name", "--key-column", "--rows-column",
                "--path-column", "--keep-shards", "--allow-missing", "--verify", "--json", "manifest_final.csv");
    }

    @Test
    void writesUtf8() throws IOException {
        manifest(root, 0, 1, "combo,rows", "combo_é_ß,3");
        assertThat(merge().exitCode()).isZero();
        assertThat(new String(Files.readAllBytes(root.resolve("manifest_final.csv")), StandardCharsets.UTF_8))
                .isEqualTo("combo,rows\ncombo_é_ß,3\n");
    }
}
