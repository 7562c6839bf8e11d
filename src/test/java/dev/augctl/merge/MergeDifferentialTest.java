package dev.augctl.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.common.AugctlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fast pass against the reference pass on generated shard sets (valid, invalid and odd CSV,
 * repeated combos, bad counts, ragged rows, with and without --verify): whenever the fast pass
 * completes, its merged file, statistics and verification equal the reference pass's; it never
 * completes where the reference pass reports an error; and a normal merge (fast, then reference when
 * the fast pass declines) always ends exactly as the reference pass does, error message included.
 */
class MergeDifferentialTest {
    private static final List<String> WORKER = List.of(Fixtures.HEADER.split(","));
    private static final List<String> SMALL = List.of("combo", "note", "rows", "path");

    @TempDir
    Path dir;

    /** How a merge ended: the report and the merged file's bytes, or the error. */
    private record Outcome(MergeReport report, byte[] merged, Map<String, String> files, String error, Integer exitCode) {
        boolean sameAs(Outcome o) {
            return java.util.Objects.equals(report, o.report) && java.util.Arrays.equals(merged, o.merged)
                    && files.equals(o.files) && java.util.Objects.equals(error, o.error)
                    && java.util.Objects.equals(exitCode, o.exitCode);
        }

        @Override
        public String toString() {
            return error != null ? "error " + exitCode + ": " + error
                    : report + "\n" + (merged == null ? "(not written)" : new String(merged, java.nio.charset.StandardCharsets.UTF_8));
        }
    }

    @Test
    void fastAndReferencePassesAgree() throws IOException {
        int fastCompleted = 0;
        int errorsFound = 0;
        for (int seed = 0; seed < 400; seed++) {
            Random random = new Random(seed);
            Path root = Files.createDirectories(dir.resolve("case" + seed));
            boolean worker = random.nextBoolean();
            List<String> header = worker ? WORKER : SMALL;
            List<Integer> counts = worker ? List.of(2, 3) : List.of(2);
            CsvFuzz fuzz = new CsvFuzz(random, seed % 3 == 0, 20 + random.nextInt(200));
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                Files.write(root.resolve("manifest_shard" + i + "_of_" + n + ".csv"),
                        fuzz.manifest(header, random.nextInt(15), 0, counts));
            }
            for (int k = 0; k < 10; k++) { // datasets p0..p9 exist (and are not Parquet), the rest do not
                Fixtures.write(root.resolve("p" + k + "/dataset.parquet"), "not parquet");
            }
            boolean verify = random.nextInt(3) == 0 && (worker || random.nextBoolean());
            MergeSettings settings = new MergeSettings(root, "manifest_final.csv", "combo", "rows", "path",
                    true, false, verify);

            Outcome reference = merge(ManifestMerger.Passes.REFERENCE, settings);
            Outcome normal = merge(ManifestMerger.Passes.FAST_THEN_REFERENCE, settings);
            String context = "seed " + seed + "\nreference: " + reference + "\nnormal: " + normal;
            assertThat(normal.sameAs(reference)).as(context).isTrue();
            Outcome fast;
            try {
                fast = merge(ManifestMerger.Passes.FAST, settings);
            } catch (ManifestScanner.Unusual declined) {
                if (reference.error() != null) {
                    errorsFound++;
                } else {
                    assertThat(fuzz.handedOver()).as(context + "\nfast pass declined valid input: " + declined.getMessage())
                            .isTrue();
                }
                continue;
            }
            assertThat(fast.sameAs(reference)).as(context + "\nfast: " + fast).isTrue();
            fastCompleted++;
        }
        assertThat(fastCompleted).as("merges the fast pass completed").isGreaterThan(150);
        assertThat(errorsFound).as("invalid shard sets the fast pass handed over").isGreaterThan(50);
    }

    private static Outcome merge(ManifestMerger.Passes passes, MergeSettings settings) throws IOException {
        Files.deleteIfExists(settings.target());
        try {
            MergeReport report = new ManifestMerger(passes).merge(settings);
            byte[] merged = Files.exists(settings.target()) ? Files.readAllBytes(settings.target()) : null;
            return new Outcome(report, merged, Fixtures.snapshot(settings.outputRoot()), null, null);
        } catch (AugctlException e) {
            return new Outcome(null, null, Fixtures.snapshot(settings.outputRoot()), e.getMessage(), e.exitCode());
        }
    }
}
