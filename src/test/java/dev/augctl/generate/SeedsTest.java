package dev.augctl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeedsTest {
    @Test
    void materialJoinsEveryField() {
        assertThat(Seeds.material(42, "combo_1_x", "s_1", 1, 3)).isEqualTo("42\u001fcombo_1_x\u001fs_1\u001f1\u001f3");
    }

    @Test
    void seedIsTheFirstEightBytesOfSha256() {
        // SHA-256("abc") = ba7816bf8f01cfea 414140de5dae2223 ...: a change of algorithm changes every dataset.
        assertThat(Seeds.seedOf("abc")).isEqualTo(0xba7816bf8f01cfeaL);
        assertThat(Seeds.sha256Hex("abc")).startsWith("ba7816bf8f01cfea414140de5dae2223");
    }

    @Test
    void everyFieldChangesTheSeed() {
        long base = Seeds.seedOf(Seeds.material(42, "c", "r", 0, 0));
        assertThat(Seeds.seedOf(Seeds.material(43, "c", "r", 0, 0))).isNotEqualTo(base);
        assertThat(Seeds.seedOf(Seeds.material(42, "d", "r", 0, 0))).isNotEqualTo(base);
        assertThat(Seeds.seedOf(Seeds.material(42, "c", "s", 0, 0))).isNotEqualTo(base);
        assertThat(Seeds.seedOf(Seeds.material(42, "c", "r", 1, 0))).isNotEqualTo(base);
        assertThat(Seeds.seedOf(Seeds.material(42, "c", "r", 0, 1))).isNotEqualTo(base);
    }

    @Test
    void theSecondStepsStreamDoesNotDependOnTheFirstStepsUse() {
        SplittableRandom first = Seeds.stream(7, 0);
        long a = Seeds.stream(7, 1).nextLong();
        first.nextLong();
        first.nextLong();
        assertThat(Seeds.stream(7, 1).nextLong()).isEqualTo(a);
        assertThat(a).isNotEqualTo(Seeds.stream(7, 0).nextLong());
    }
}
