package dev.augctl.merge;

import static dev.augctl.merge.Fixtures.HEADER;
import static dev.augctl.merge.Fixtures.manifest;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.common.Json;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code augctl merge} as a user runs it: the packaged jar in its own JVM, with no Hadoop on the class path. */
class MergeIT {
    @TempDir
    Path root;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run augctl(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("augctl.jar")));
        argv.addAll(List.of(args));
        Path out = Files.createTempFile("merge-it", ".out");
        Path err = Files.createTempFile("merge-it", ".err");
        try {
            Process p = new ProcessBuilder(argv).directory(new File(System.getProperty("augctl.home")))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new AssertionError("augctl " + args[0] + " did not finish in 60 s");
            }
            return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static String line(String combo, long rows, int i, int n) {
        return combo + ",m," + rows + ",2," + combo + "/dataset.parquet," + i + "," + n + ",1.0";
    }

    @Test
    void mergesAndVerifiesParquetFootersWithThePackagedJar() throws Exception {
        Fixtures.parquet(root.resolve("combo_1_a/dataset.parquet"), 40);
        Fixtures.parquet(root.resolve("combo_1_b/dataset.parquet"), 25);
        Fixtures.parquet(root.resolve("combo_1_c/dataset.parquet"), 10);
        manifest(root, 0, 2, HEADER, line("combo_1_a", 40, 0, 2), line("combo_1_c", 10, 0, 2));
        manifest(root, 1, 2, HEADER, line("combo_1_b", 25, 1, 2));

        Run r = augctl("merge", "--output-root", root.toString(), "--verify", "--json");

        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("total_rows").asLong()).isEqualTo(75);
        assertThat(doc.get("total_rejected").asLong()).isEqualTo(6);
        assertThat(doc.get("verify").get("checked").asLong()).isEqualTo(3);
        assertThat(doc.get("verify").get("failures")).isEmpty();
        assertThat(Files.readString(root.resolve("manifest_final.csv"))).isEqualTo(String.join("\n", HEADER,
                line("combo_1_a", 40, 0, 2), line("combo_1_c", 10, 0, 2), line("combo_1_b", 25, 1, 2)) + "\n");
        assertThat(Fixtures.names(root)).containsExactly("combo_1_a", "combo_1_b", "combo_1_c", "manifest_final.csv");
    }

    @Test
    void aFooterMismatchFailsWithExit1AndChangesNothing() throws Exception {
        Fixtures.parquet(root.resolve("combo_1_a/dataset.parquet"), 39);
        manifest(root, 0, 1, HEADER, line("combo_1_a", 40, 0, 1));
        Map<String, String> before = Fixtures.snapshot(root);

        Run r = augctl("merge", "--output-root", root.toString(), "--verify");

        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("combo 'combo_1_a'").contains("expected 40 rows, found 39");
        assertThat(Fixtures.snapshot(root)).isEqualTo(before);
    }

    @Test
    void anIncompleteSetIsRejectedWithExit2AndChangesNothing() throws Exception {
        manifest(root, 0, 3, HEADER, line("combo_1_a", 40, 0, 3));
        manifest(root, 2, 3, HEADER, line("combo_1_c", 40, 2, 3));
        Map<String, String> before = Fixtures.snapshot(root);

        Run r = augctl("merge", "--output-root", root.toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("augctl: error: missing shard manifest(s) for N=3 under " + root
                + ": index 1 (manifest_shard1_of_3.csv); rerun those shards, or pass --allow-missing to merge the 2"
                + " present\n");
        assertThat(Fixtures.snapshot(root)).isEqualTo(before);
    }
}
