package dev.augctl.merge;

import static dev.augctl.merge.Fixtures.HEADER;
import static dev.augctl.merge.Fixtures.manifest;
import static dev.augctl.merge.Fixtures.row;
import static dev.augctl.merge.Fixtures.workerManifest;
import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every invalid input: exit 2, one line naming the file (and line, column, value), nothing changed on disk. */
class MergeValidationTest {
    @TempDir
    Path root;

    /** Runs merge and checks the rejection contract; returns the error line. */
    private String rejected(String... args) throws IOException {
        Map<String, String> before = Fixtures.snapshot(root);
        List<String> argv = new ArrayList<>(List.of("merge", "--output-root", root.toString()));
        argv.addAll(List.of(args));
        CliRunner.Result r = CliRunner.run(argv.toArray(new String[0]));
        assertThat(r.exitCode()).as("exit code; stderr: %s", r.err()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).startsWith("augctl: error: ").endsWith("\n");
        assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("Exception");
        assertThat(Fixtures.snapshot(root)).as("files under the output root").isEqualTo(before);
        return r.err();
    }

    private void threeGoodShards() throws IOException {
        workerManifest(root, 0, 3, "combo_1_a", "combo_1_b");
        workerManifest(root, 1, 3, "combo_1_c");
        workerManifest(root, 2, 3, "combo_1_d");
    }

    @Test
    void missingShardsAreListed() throws IOException {
        workerManifest(root, 0, 7, "combo_1_a");
        workerManifest(root, 3, 7, "combo_1_d");
        workerManifest(root, 6, 7, "combo_1_g");
        Files.writeString(root.resolve("manifest_final.csv"), "previous\n");
        assertThat(rejected()).contains("missing shard manifest(s) for N=7")
                .contains("indices 1, 2, 4, 5")
                .contains("manifest_shard1_of_7.csv, manifest_shard2_of_7.csv, manifest_shard4_of_7.csv")
                .contains("--allow-missing");
    }

    @Test
    void mixedShardCountsNameTheFiles() throws IOException {
        workerManifest(root, 0, 2, "combo_1_a");
        workerManifest(root, 1, 2, "combo_1_b");
        workerManifest(root, 0, 3, "combo_1_c");
        assertThat(rejected("--allow-missing")).contains("disagree on the number of shards")
                .contains("N=2 (manifest_shard0_of_2.csv, manifest_shard1_of_2.csv)")
                .contains("N=3 (manifest_shard0_of_3.csv)");
    }

    @Test
    void aFileThatLooksLikeAManifestButIsNotOneIsNamed() throws IOException {
        threeGoodShards();
        Fixtures.write(root.resolve("manifest_shard1_of_3.csv.bak"), HEADER + "\n");
        assertThat(rejected()).contains("unexpected file " + root.resolve("manifest_shard1_of_3.csv.bak"))
                .contains("manifest_shard<I>_of_<N>.csv");
    }

    @Test
    void anIndexOutOfRangeIsNamed() throws IOException {
        workerManifest(root, 0, 2, "combo_1_a");
        workerManifest(root, 1, 2, "combo_1_b");
        workerManifest(root, 2, 2, "combo_1_c");
        assertThat(rejected()).contains("manifest_shard2_of_2.csv").contains("shard index 2 is not in 0..1");
    }

    @Test
    void twoManifestsForOneShardAreNamed() throws IOException {
        workerManifest(root, 0, 2, "combo_1_a");
        workerManifest(root, 1, 2, "combo_1_b");
        Fixtures.write(root.resolve("manifest_shard01_of_2.csv"), HEADER + "\n");
        assertThat(rejected()).contains("two manifests for shard 1")
                .contains("manifest_shard01_of_2.csv").contains("manifest_shard1_of_2.csv");
    }

    @Test
    void noManifestsAtAll() throws IOException {
        Files.writeString(root.resolve("manifest_final.csv"), HEADER + "\n");
        assertThat(rejected()).contains("no shard manifests").contains(root.toString());
    }

    @Test
    void aMissingOutputRoot() {
        CliRunner.Result r = CliRunner.run("merge", "--output-root", root.resolve("nope").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("output root not found").contains("nope");
        assertThat(root.resolve("nope")).doesNotExist();
    }

    @Test
    void aHeaderWithAMissingColumnIsNamed() throws IOException {
        workerManifest(root, 0, 2, "combo_1_a");
        manifest(root, 1, 2, "combo,methods,rows,rejected,path,shard_index,num_shards",
                "combo_1_b,b,5,0,combo_1_b/dataset.parquet,1,2");
        assertThat(rejected()).contains(root.resolve("manifest_shard1_of_2.csv") + ": header differs from "
                + "manifest_shard0_of_2.csv: missing column 'seconds'");
    }

    @Test
    void aHeaderWithExtraColumnsIsNamed() throws IOException {
        workerManifest(root, 0, 2, "combo_1_a");
        manifest(root, 1, 2, HEADER + ",host,gpu");
        assertThat(rejected()).contains("manifest_shard1_of_2.csv: header differs")
                .contains("extra columns 'host', 'gpu'");
    }

    @Test
    void aReorderedHeaderIsNamed() throws IOException {
        manifest(root, 0, 2, "combo,rows,path");
        manifest(root, 1, 2, "rows,combo,path");
        assertThat(rejected()).contains("manifest_shard1_of_2.csv: header differs")
                .contains("columns in another order: 'rows', 'combo', 'path' instead of 'combo', 'rows', 'path'");
    }

    @Test
    void aHeaderNamingAColumnTwice() throws IOException {
        manifest(root, 0, 1, "combo,rows,combo");
        assertThat(rejected()).contains("manifest_shard0_of_1.csv line 1").contains("column 'combo' twice");
    }

    @Test
    void aZeroByteManifestIsNamed() throws IOException {
        workerManifest(root, 0, 2, "combo_1_a");
        Files.createFile(root.resolve("manifest_shard1_of_2.csv"));
        assertThat(rejected()).contains(root.resolve("manifest_shard1_of_2.csv") + " is empty (0 bytes)");
    }

    @Test
    void aManifestWithOnlyABomIsNamed() throws IOException {
        Fixtures.write(root.resolve("manifest_shard0_of_1.csv"), "\uFEFF\n\n");
        assertThat(rejected()).contains("manifest_shard0_of_1.csv has no header line");
    }

    @Test
    void aRaggedRowNamesFileAndLine() throws IOException {
        workerManifest(root, 0, 2, "combo_1_a");
        manifest(root, 1, 2, HEADER, row("combo_1_b", 5, 0, 1, 2), "combo_1_c,c,5,0,a, b.parquet,1,2,3.0");
        assertThat(rejected()).contains("manifest_shard1_of_2.csv line 3: expected 8 fields as in the header, found 9");
    }

    @Test
    void lineNumbersCountPhysicalLinesAcrossQuotedNewlinesAndBlankLines() throws IOException {
        manifest(root, 0, 1, "combo,rows,note", "a,1,\"two\nlines\"", "", "b,2,x", "c,x,\"multi\r\nline\"");
        assertThat(rejected()).contains("manifest_shard0_of_1.csv line 6: column 'rows' has value 'x'");
    }

    @Test
    void aShortRowIsRagged() throws IOException {
        manifest(root, 0, 1, "combo,rows,path", "a,1,p", "b,2");
        assertThat(rejected()).contains("manifest_shard0_of_1.csv line 3: expected 3 fields as in the header, found 2");
    }

    @Test
    void aComboInTwoShardsNamesBothFilesAndLines() throws IOException {
        workerManifest(root, 0, 3, "combo_1_a", "combo_1_b");
        workerManifest(root, 1, 3, "combo_1_c");
        workerManifest(root, 2, 3, "combo_1_x", "combo_1_b");
        assertThat(rejected()).contains("combo 'combo_1_b' appears twice: " + root.resolve("manifest_shard0_of_3.csv")
                + " line 3 and " + root.resolve("manifest_shard2_of_3.csv") + " line 3");
    }

    @Test
    void aComboTwiceInOneShardIsAlsoRejected() throws IOException {
        workerManifest(root, 0, 1, "combo_1_a", "combo_1_a");
        assertThat(rejected()).contains("combo 'combo_1_a' appears twice")
                .contains("manifest_shard0_of_1.csv line 2 and").contains("manifest_shard0_of_1.csv line 3");
    }

    @Test
    void aNonNumericRowsValueNamesFileLineColumnAndValue() throws IOException {
        manifest(root, 0, 1, HEADER, "combo_1_a,a,12.5,0,p,0,1,1.0");
        assertThat(rejected()).contains("manifest_shard0_of_1.csv line 2: column 'rows' has value '12.5'"
                + ", expected a non-negative integer");
    }

    @Test
    void aNegativeRowsValueIsNamed() throws IOException {
        manifest(root, 0, 1, HEADER, "combo_1_a,a,-4,0,p,0,1,1.0");
        assertThat(rejected()).contains("manifest_shard0_of_1.csv line 2: column 'rows' has negative value '-4'");
    }

    @Test
    void anEmptyRowsValueIsNamed() throws IOException {
        manifest(root, 0, 1, HEADER, "combo_1_a,a,,0,p,0,1,1.0");
        assertThat(rejected()).contains("line 2: column 'rows' has value ''");
    }

    @Test
    void aBadRejectedValueIsNamed() throws IOException {
        manifest(root, 0, 1, HEADER, "combo_1_a,a,4,many,p,0,1,1.0");
        assertThat(rejected()).contains("line 2: column 'rejected' has value 'many'");
    }

    @Test
    void anEmptyComboNameIsNamed() throws IOException {
        manifest(root, 0, 1, HEADER, ",a,4,0,p,0,1,1.0");
        assertThat(rejected()).contains("manifest_shard0_of_1.csv line 2: empty value in column 'combo'");
    }

    @Test
    void aMissingKeyColumnIsNamedWithAHint() throws IOException {
        manifest(root, 0, 1, "combo_name,num_rows", "a,1");
        assertThat(rejected("--rows-column", "num_rows")).contains("manifest_shard0_of_1.csv: no column 'combo'")
                .contains("'combo_name', 'num_rows'").contains("--key-column");
    }

    @Test
    void aMissingRowsColumnIsNamed() throws IOException {
        manifest(root, 0, 1, "combo,count", "a,1");
        assertThat(rejected()).contains("manifest_shard0_of_1.csv: no column 'rows'").contains("--rows-column");
    }

    @Test
    void aMissingPathColumnIsNamedOnlyWhenVerifying() throws IOException {
        manifest(root, 0, 1, "combo,rows", "a,1");
        assertThat(rejected("--verify")).contains("manifest_shard0_of_1.csv: no column 'path'").contains("--path-column");
    }

    @Test
    void anUnterminatedQuoteIsInvalidCsv() throws IOException {
        manifest(root, 0, 1, "combo,rows,note", "a,1,ok", "b,2,\"never closed");
        assertThat(rejected()).contains("manifest_shard0_of_1.csv near line 3: invalid CSV");
    }

    @Test
    void anOutputNameWithADirectoryIsRejected() throws IOException {
        workerManifest(root, 0, 1, "combo_1_a");
        assertThat(rejected("--output-name", "sub/final.csv")).contains("invalid output name 'sub/final.csv'");
    }

    @Test
    void anOutputNameThatIsAShardNameIsRejected() throws IOException {
        workerManifest(root, 0, 1, "combo_1_a");
        assertThat(rejected("--output-name", "manifest_shard0_of_1.csv")).contains("reserved for the shard manifests");
    }

    @Test
    void anErrorInTheLastShardLeavesNoTemporaryFileBehind() throws IOException {
        for (int i = 0; i < 4; i++) {
            workerManifest(root, i, 5, "combo_1_" + i, "combo_2_" + i);
        }
        manifest(root, 4, 5, HEADER, row("combo_1_z", 1, 0, 4, 5), "combo_1_y,y,1,0");
        assertThat(rejected()).contains("manifest_shard4_of_5.csv line 3");
        assertThat(Fixtures.names(root)).noneMatch(n -> n.endsWith(".tmp") || n.startsWith("manifest_final"));
    }

    @Test
    void anEmptyMergeSettingInTheConfigIsRejected() throws IOException {
        workerManifest(root, 0, 1, "combo_1_a");
        Path config = Fixtures.write(root.resolve("bad.yaml"), "merge:\n  key_column: \"\"\n");
        CliRunner.Result r = CliRunner.run("merge", "--config", config.toString(), "--output-root", root.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("bad.yaml").contains("merge.key_column must be a non-empty string");
        assertThat(root.resolve("manifest_shard0_of_1.csv")).exists();
    }
}
