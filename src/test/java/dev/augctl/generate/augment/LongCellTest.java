package dev.augctl.generate.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A 1 MB cell goes through every shipped method, and the similarity, in the time of a test: methods
 * that were quadratic in the text's length took minutes on it (TF-IDF 819 s, EDA 128 s). The timeout
 * only stops a regression from hanging the build; speed is measured by bench/augment/long_text.sh.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LongCellTest {
    static final String CELL = cell(1_000_000);

    static String cell(int chars) {
        StringBuilder b = new StringBuilder(chars + 1000);
        for (int i = 0; b.length() < chars; i++) {
            b.append(Samples.TEXTS.get(i % Samples.TEXTS.size())).append(' ');
        }
        return b.substring(0, chars);
    }

    static List<MethodSpec> shipped() {
        return MethodsFile.load(Path.of("conf/augment_methods.yaml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("shipped")
    void everyShippedMethodAugmentsAOneMegabyteCell(MethodSpec spec) {
        Augmenter a = AugmenterFactory.create(spec, Samples.RESOURCES);
        String out = a.augment(CELL, new Span(400_000, 400_100), new SplittableRandom(7));
        assertThat(out).isNotEqualTo(CELL);
        assertThat(out.length()).isBetween(CELL.length() / 2, CELL.length() * 2);
        assertThat(out).contains(CELL.substring(400_000, 400_100)); // the protected span is intact
    }

    @Test
    void edaInsertsAndDeletesAtTenPercentOfAOneMegabyteCell() {
        for (String op : List.of("alpha_ri", "p_rd", "alpha_rs", "alpha_sr")) {
            java.util.Map<String, Object> p = new java.util.HashMap<>(java.util.Map.of(
                    "alpha_sr", 0.0, "alpha_ri", 0.0, "alpha_rs", 0.0, "p_rd", 0.0));
            p.put(op, 0.1);
            String out = Samples.make("eda", p).augment(CELL, Span.NONE, new SplittableRandom(3));
            assertThat(out).as(op).isNotEqualTo(CELL);
        }
        String all = Samples.make("eda", java.util.Map.of("combine", true)).augment(CELL, Span.NONE, new SplittableRandom(4));
        assertThat(all).isNotEqualTo(CELL);
    }

    @Test
    void similarityOfOneMegabyteTexts() {
        String edited = CELL.substring(0, 500_000) + "x" + CELL.substring(500_000);
        double s = new TextSimilarity.Reference(CELL).similarity(edited);
        assertThat(s).isEqualTo(TextSimilarity.cosine3gram(CELL, edited)).isBetween(0.99, 1.0);
    }
}
