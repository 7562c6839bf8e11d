package dev.augctl.merge;

import static dev.augctl.merge.Fixtures.HEADER;
import static dev.augctl.merge.Fixtures.manifest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.CliRunner;
import dev.augctl.common.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code merge --verify}: datasets are checked before anything is written. */
class MergeVerifyTest {
    @TempDir
    Path root;

    private CliRunner.Result merge(String... extra) {
        String[] argv = new String[extra.length + 4];
        argv[0] = "merge";
        argv[1] = "--output-root";
        argv[2] = root.toString();
        argv[3] = "--verify";
        System.arraycopy(extra, 0, argv, 4, extra.length);
        return CliRunner.run(argv);
    }

    private static String line(String combo, long rows, String path, int i, int n) {
        return combo + ",m," + rows + ",0," + path + "," + i + "," + n + ",1.0";
    }

    @Test
    void matchingParquetJsonlAndCsvDatasetsPass() throws IOException {
        Fixtures.parquet(root.resolve("combo_1_a/dataset.parquet"), 120);
        Fixtures.write(root.resolve("combo_1_b/dataset.jsonl"), "{\"t\":1}\n{\"t\":2}\n\n{\"t\":3}");
        Fixtures.write(root.resolve("combo_1_c/dataset.csv"), "text,label\n\"a,\nb\",1\nc,0\n");
        Path absolute = Fixtures.parquet(root.resolve("elsewhere/d.parquet"), 7);
        manifest(root, 0, 2, HEADER, line("combo_1_a", 120, "combo_1_a/dataset.parquet", 0, 2),
                line("combo_1_b", 3, "combo_1_b/dataset.jsonl", 0, 2));
        manifest(root, 1, 2, HEADER, line("combo_1_c", 2, "combo_1_c/dataset.csv", 1, 2),
                line("combo_1_d", 7, absolute.toString(), 1, 2));

        CliRunner.Result r = merge();

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).isEmpty();
        assertThat(r.out()).containsPattern("verified +4 datasets, all match");
        assertThat(Fixtures.names(root)).contains("manifest_final.csv").doesNotContain("manifest_shard0_of_2.csv");
    }

    @Test
    void everyMismatchIsListedAndNothingIsWrittenOrDeleted() throws IOException {
        Fixtures.parquet(root.resolve("combo_1_a/dataset.parquet"), 120);
        Fixtures.parquet(root.resolve("combo_1_b/dataset.parquet"), 99);
        Fixtures.write(root.resolve("combo_1_d/dataset.parquet"), "not parquet, just text");
        Fixtures.write(root.resolve("combo_1_e/dataset.jsonl"), "{}\n{}\n");
        manifest(root, 0, 2, HEADER, line("combo_1_a", 120, "combo_1_a/dataset.parquet", 0, 2),
                line("combo_1_b", 100, "combo_1_b/dataset.parquet", 0, 2));
        manifest(root, 1, 2, HEADER, line("combo_1_c", 5, "combo_1_c/dataset.parquet", 1, 2),
                line("combo_1_d", 5, "combo_1_d/dataset.parquet", 1, 2),
                line("combo_1_e", 5, "combo_1_e/dataset.jsonl", 1, 2));
        Map<String, String> before = Fixtures.snapshot(root);

        CliRunner.Result r = merge();

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(Fixtures.snapshot(root)).isEqualTo(before);
        assertThat(r.err()).contains("augctl: verify: manifest_shard0_of_2.csv line 3: combo 'combo_1_b': dataset "
                        + "'combo_1_b/dataset.parquet': expected 100 rows, found 99")
                .contains("manifest_shard1_of_2.csv line 2: combo 'combo_1_c'").contains("no such file")
                .contains("manifest_shard1_of_2.csv line 3: combo 'combo_1_d'").contains("no PAR1 magic")
                .contains("manifest_shard1_of_2.csv line 4: combo 'combo_1_e': dataset 'combo_1_e/dataset.jsonl': "
                        + "expected 5 rows, found 2")
                .contains("augctl: error: --verify: 4 of 5 datasets do not match")
                .doesNotContain("combo 'combo_1_a'");
        assertThat(r.out()).startsWith("NOT merged (verification failed)")
                .contains("nothing written, nothing deleted");
    }

    @Test
    void jsonReportsTheFailures() throws IOException {
        Fixtures.parquet(root.resolve("a.parquet"), 3);
        manifest(root, 0, 1, HEADER, line("combo_1_a", 4, "a.parquet", 0, 1), line("combo_1_b", 1, "", 0, 1));
        CliRunner.Result r = merge("--json");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("written").asBoolean()).isFalse();
        JsonNode v = doc.get("verify");
        assertThat(v.get("checked").asLong()).isEqualTo(2);
        assertThat(v.get("failures")).hasSize(2);
        assertThat(v.get("failures").get(0).get("found_rows").asLong()).isEqualTo(3);
        assertThat(v.get("failures").get(0).get("expected_rows").asLong()).isEqualTo(4);
        assertThat(v.get("failures").get(1).get("found_rows").isNull()).isTrue();
        assertThat(v.get("failures").get(1).get("problem").asText()).isEqualTo("empty dataset path");
        assertThat(Fixtures.names(root)).containsExactly("a.parquet", "manifest_shard0_of_1.csv");
    }

    @Test
    void aCustomPathColumnAndOtherFormatsAreCheckedForExistence() throws IOException {
        Fixtures.write(root.resolve("sets/a/data.arrow"), "binary");
        manifest(root, 0, 1, "combo,rows,location", "a,10,sets/a/data.arrow", "b,0,sets/b");
        CliRunner.Result r = merge("--path-column", "location", "--keep-shards");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("combo 'b': dataset 'sets/b': no such file").doesNotContain("combo 'a'");
    }

    @Test
    void withoutVerifyMissingDatasetsDoNotMatter() throws IOException {
        manifest(root, 0, 1, HEADER, line("combo_1_a", 4, "nowhere.parquet", 0, 1));
        CliRunner.Result r = CliRunner.run("merge", "--output-root", root.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain("verified");
    }
}
