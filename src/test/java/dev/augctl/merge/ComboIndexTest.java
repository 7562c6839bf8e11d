package dev.augctl.merge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ComboIndexTest {
    @Test
    void remembersTheFirstLocationOfEachKeyAcrossRehashes() {
        ComboIndex index = new ComboIndex();
        for (int i = 0; i < 200_000; i++) {
            assertThat(index.putIfAbsent("combo_" + i + "_eda+ocr", i)).isEqualTo(ComboIndex.ABSENT);
        }
        assertThat(index.size()).isEqualTo(200_000);
        for (int i = 0; i < 200_000; i += 997) {
            assertThat(index.putIfAbsent("combo_" + i + "_eda+ocr", -5)).isEqualTo(i);
        }
        assertThat(index.size()).isEqualTo(200_000);
    }

    @Test
    void distinguishesKeysWithTheSameHashCode() {
        ComboIndex index = new ComboIndex();
        assertThat("Aa".hashCode()).isEqualTo("BB".hashCode());
        assertThat(index.putIfAbsent("Aa", 1)).isEqualTo(ComboIndex.ABSENT);
        assertThat(index.putIfAbsent("BB", 2)).isEqualTo(ComboIndex.ABSENT);
        assertThat(index.putIfAbsent("BB", 3)).isEqualTo(2);
        assertThat(index.putIfAbsent("Aa", 4)).isEqualTo(1);
    }

    @Test
    void keepsLongAndNonAsciiKeysIntact() {
        ComboIndex index = new ComboIndex();
        String longKey = "x".repeat(100_000);
        assertThat(index.putIfAbsent(longKey, 7)).isEqualTo(ComboIndex.ABSENT);
        assertThat(index.putIfAbsent("combo_é_ß", 8)).isEqualTo(ComboIndex.ABSENT);
        assertThat(index.putIfAbsent("x".repeat(99_999) + "y", 9)).isEqualTo(ComboIndex.ABSENT);
        assertThat(index.putIfAbsent(longKey, 0)).isEqualTo(7);
        assertThat(index.putIfAbsent("combo_é_ß", 0)).isEqualTo(8);
    }
}
