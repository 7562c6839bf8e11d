package dev.augctl.generate.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * With the shipped parameters, most variants of the sample sentences land inside the quality
 * filter's default window [0.55, 0.95]. Weak methods (they apply only to sentences with a
 * contraction or a number, and change little when they do) are listed.
 */
class ShippedMethodsQualityTest {
    /** Methods that leave most sentences unchanged or nearly so; the worker drops those variants. */
    static final Set<String> WEAK = Set.of("contraction_expand", "contraction_contract", "number_perturb");

    @Test
    void mostVariantsFallInsideTheQualityWindow() {
        List<MethodSpec> specs = MethodsFile.load(Path.of("conf/augment_methods.yaml"));
        AugmentResources resources = new AugmentResources(Path.of("conf"), Samples.TEXTS);
        StringBuilder report = new StringBuilder();
        for (MethodSpec spec : specs) {
            if (!spec.enabled()) {
                continue;
            }
            Augmenter a = AugmenterFactory.create(spec, resources);
            int in = 0;
            int changed = 0;
            int n = 0;
            for (int seed = 0; seed < 2; seed++) {
                for (int i = 0; i < Samples.TEXTS.size(); i++) {
                    String t = Samples.TEXTS.get(i);
                    String v = a.augment(t, Span.NONE, new SplittableRandom(seed * 7919L + i));
                    double s = TextSimilarity.cosine3gram(t, v);
                    changed += v.equals(t) ? 0 : 1;
                    in += !v.equals(t) && s >= 0.55 && s <= 0.95 ? 1 : 0;
                    n++;
                }
            }
            double share = in / (double) n;
            report.append(String.format(Locale.ROOT, "%-22s %5.1f%% in window, %5.1f%% changed%s%n", spec.name(),
                    100 * share, 100.0 * changed / n, WEAK.contains(spec.name()) ? "  (weak)" : ""));
            if (WEAK.contains(spec.name())) {
                assertThat(changed).as(spec.name() + " changes some sentences").isGreaterThan(n / 50);
            } else {
                assertThat(share).as(spec.name() + "\n" + report).isGreaterThanOrEqualTo(0.5);
            }
        }
        System.out.print(report);
    }
}
