package dev.augctl.cli;

import static dev.augctl.generate.GenerateFixture.args;
import static dev.augctl.generate.GenerateFixture.methods;
import static dev.augctl.generate.GenerateFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.CliRunner;
import dev.augctl.common.Json;
import dev.augctl.generate.GenerateFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 20-row input with one 1 MB text cell (issue: 965 s, the shard silent all along): by default the
 * long row is not augmented, counted and warned about once; without the limit it is augmented, by the
 * two methods that were slowest on it, in seconds. The timeout only keeps a regression from hanging
 * the build (speed: bench/augment/long_text.sh).
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class GenerateLongTextTest {
    private static final String METHODS = """
            methods:
              - name: tfidf
                type: tfidf
                params: {aug_p: 0.2, stopwords: true}
              - name: eda
                type: eda
            """;

    @TempDir
    Path dir;

    /** The sample's first 20 rows, the first one's text replaced by 1 MB of text. */
    private Path input() throws Exception {
        StringBuilder big = new StringBuilder(1_000_100);
        while (big.length() < 1_000_000) {
            big.append("I could not sleep for weeks and felt worthless, tired and empty every single day. ");
        }
        int text = List.of(Files.readAllLines(GenerateFixture.SAMPLE).get(0).split(",")).indexOf("sentence_text");
        AtomicInteger rows = new AtomicInteger();
        return sample(dir, 20, row -> {
            if (rows.getAndIncrement() == 0) {
                row.set(text, big.toString());
            }
            return row;
        });
    }

    private JsonNode meta(String combo) throws Exception {
        return Json.mapper().readTree(dir.resolve("out").resolve(combo).resolve("meta.json").toFile());
    }

    @Test
    void aTextOverTheLimitIsNotAugmentedCountedAndWarnedAboutOnce() throws Exception {
        CliRunner.Result r = CliRunner.run(args(input(), methods(dir, METHODS), dir, "--save-format", "csv"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> warnings = r.out().lines().filter(l -> l.contains(" WARN  ")).toList();
        assertThat(warnings).singleElement().asString().endsWith(" WARN  1 of 20 rows have a text longer than "
                + "100000 characters (--max-text-chars): they are not augmented (no variants) and counted as "
                + "long_texts in each combo's meta.json");
        for (String combo : List.of("combo_1_tfidf", "combo_1_eda")) {
            JsonNode meta = meta(combo);
            assertThat(meta.path("long_texts").asInt()).isEqualTo(1);
            assertThat(meta.path("max_text_chars").asInt()).isEqualTo(100_000);
            assertThat(meta.path("rows").asInt() + meta.path("rejected").asInt()).isEqualTo(19 * 2);
            assertThat(Files.size(dir.resolve("out").resolve(combo).resolve("dataset.csv"))).isLessThan(100_000);
        }
    }

    @Test
    void withoutTheLimitTheOneMegabyteCellIsAugmentedInSeconds() throws Exception {
        CliRunner.Result r = CliRunner.run(args(input(), methods(dir, METHODS), dir, "--max-text-chars", "0",
                "--save-format", "csv"));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).doesNotContain(" WARN  ");
        for (String combo : List.of("combo_1_tfidf", "combo_1_eda")) {
            JsonNode meta = meta(combo);
            assertThat(meta.path("long_texts").asInt()).isZero();
            assertThat(meta.path("rows").asInt() + meta.path("rejected").asInt()).isEqualTo(20 * 2);
        }
    }

    @Test
    void aNegativeLimitIsAUsageError() throws Exception {
        CliRunner.Result r = CliRunner.run(args(sample(dir, 3), methods(dir, METHODS), dir, "--max-text-chars", "-1"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--max-text-chars must be at least 0, got -1");
    }
}
