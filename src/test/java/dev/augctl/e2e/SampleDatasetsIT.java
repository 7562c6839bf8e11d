package dev.augctl.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.PackagedJar;
import dev.augctl.common.Json;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in worker from the packaged jar on the shipped sample: every shipped method (the WordNet
 * ones included) with the settings of the shipped {@code conf/augctl.yaml} (the worker's defaults), in
 * one shard. It guards two things: that the jar still holds every class and resource a run needs (the
 * jar is trimmed at build time, so a class dropped by mistake fails here), and that the datasets stay
 * byte for byte what they were (the checksums in {@code src/test/resources/e2e/sample-datasets.txt}).
 *
 * <p>A change that is <em>meant</em> to change the datasets (new column types, a changed method)
 * regenerates the list deliberately, and the diff of that file goes into the same commit:
 * <pre>
 * mvn -B verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SampleDatasetsIT -Daugctl.regenerate=true
 * </pre>
 */
class SampleDatasetsIT {
    private static final String LIST = "src/test/resources/e2e/sample-datasets.txt";
    private static final String MANIFEST = "manifest_shard0_of_1.csv";
    /** The manifest's only column that differs between two runs of the same work. */
    private static final String TIMING_COLUMN = "seconds";
    /** The run the shard belonged to (empty here: no launcher): not part of the work either. */
    private static final String RUN_COLUMN = "run_id";

    @TempDir
    static Path tmp;

    private static Workspace ws;
    private static PackagedJar.Result generate;

    @BeforeAll
    static void generateEveryShippedMethodOnTheSample() throws Exception {
        ws = Workspace.create(tmp.resolve("project"));
        generate = PackagedJar.run(ws.dir, "generate", "--shard-index", "0", "--num-shards", "1");
    }

    @Test
    void generateWritesEveryShippedMethodAndMergeVerifiesThemFromThePackagedJar() throws Exception {
        assertThat(generate.exitCode()).as(generate.out() + generate.err()).isZero();
        List<String> methods = ws.enabledMethods();
        assertThat(methods).contains("wordnet_syn", "wordnet_ant", "wordnet_hyper", "synonym_insert", "eda");
        assertThat(ws.datasets().keySet())
                .containsExactlyInAnyOrderElementsOf(methods.stream().map(m -> "combo_1_" + m).toList());

        PackagedJar.Result merge = PackagedJar.run(ws.dir, "merge", "--keep-shards", "--verify", "--json");
        assertThat(merge.exitCode()).as(merge.err()).isZero();
        JsonNode verify = Json.mapper().readTree(merge.out()).get("verify");
        assertThat(verify.get("checked").asInt()).isEqualTo(methods.size());
        assertThat(verify.get("failures")).isEmpty();
    }

    @Test
    void datasetsAndManifestRowsMatchTheCommittedChecksums() throws Exception {
        assertThat(generate.exitCode()).as(generate.out() + generate.err()).isZero();
        String actual = listing();
        Path list = PackagedJar.home().resolve(LIST);
        if (Boolean.getBoolean("augctl.regenerate")) {
            Files.writeString(list, header() + actual, StandardCharsets.UTF_8);
            System.out.println("SampleDatasetsIT: regenerated " + list);
        }
        String expected = Files.readString(list, StandardCharsets.UTF_8).lines()
                .filter(l -> !l.startsWith("#"))
                .reduce("", (a, l) -> a + l + "\n");
        assertThat(actual)
                .as("the sample's datasets changed; if that is intended, regenerate %s (see SampleDatasetsIT)", LIST)
                .isEqualTo(expected);
    }

    /** One line per dataset ({@code sha256sum}'s format), then the manifest's rows without their timing. */
    private String listing() throws IOException {
        StringBuilder out = new StringBuilder();
        for (var dataset : ws.datasets().entrySet()) {
            out.append(sha256(dataset.getValue())).append("  ").append(dataset.getKey()).append("/dataset.parquet\n");
        }
        try (Reader in = Files.newBufferedReader(ws.output().resolve(MANIFEST), StandardCharsets.UTF_8);
             CSVParser csv = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            List<String> columns = new ArrayList<>(csv.getHeaderNames());
            assertThat(columns).contains(TIMING_COLUMN);
            columns.remove(TIMING_COLUMN);
            columns.remove(RUN_COLUMN);
            out.append("manifest: ").append(String.join(",", columns)).append('\n');
            for (CSVRecord r : csv) {
                out.append("manifest: ").append(String.join(",", columns.stream().map(r::get).toList())).append('\n');
            }
        }
        return out.toString();
    }

    private static String header() {
        return """
                # SHA-256 of every dataset written by `augctl generate` on data/sample/redsm5_sample.csv with the
                # shipped conf/ (every shipped method, one shard), then the rows of its manifest without the
                # timing column. Checked by SampleDatasetsIT, which says how to regenerate this file.
                """;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
