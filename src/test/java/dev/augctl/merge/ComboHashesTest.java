package dev.augctl.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ComboHashesTest {
    private static void add(ComboHashes hashes, String name) {
        byte[] b = ("..." + name + "..").getBytes(StandardCharsets.UTF_8);
        hashes.add(b, 3, b.length - 2);
    }

    @Test
    void findsARepeatedNameAmongManyDistinctOnes() {
        ComboHashes hashes = new ComboHashes();
        for (int i = 0; i < 300_000; i++) {
            add(hashes, "combo_" + i + (i % 2 == 0 ? "_eda" : "_eda+ocr"));
        }
        assertThat(hashes.size()).isEqualTo(300_000);
        assertThat(hashes.anyEqual()).isFalse();
        add(hashes, "combo_123457_eda+ocr");
        assertThat(hashes.anyEqual()).isTrue();
    }

    @Test
    void hashesTheBytesOnlyWhereverTheyLie() {
        byte[] a = "xxcombo_1_ocr".getBytes(StandardCharsets.UTF_8);
        byte[] b = "combo_1_ocr,".getBytes(StandardCharsets.UTF_8);
        assertThat(ComboHashes.hash(a, 2, a.length)).isEqualTo(ComboHashes.hash(b, 0, b.length - 1));
        byte[] zero = {'a', 'b', 0};
        assertThat(ComboHashes.hash(zero, 0, 2)).isNotEqualTo(ComboHashes.hash(zero, 0, 3));
        assertThat(ComboHashes.hash(zero, 0, 0)).isNotEqualTo(ComboHashes.hash(zero, 2, 3));
    }

    @Test
    void comparesWholeValuesWhenTheUpperHalvesAreEqual() {
        Random random = new Random(7);
        long[] values = new long[10_000];
        for (int i = 0; i < values.length; i++) {
            values[i] = (random.nextInt(50) & 0xFFFFFFFFL) << 32 | i; // many equal upper halves, all values distinct
        }
        assertThat(ComboHashes.anyEqual(values, values.length)).isFalse();
        values[9_999] = values[4_321];
        assertThat(ComboHashes.anyEqual(values, values.length)).isTrue();
        assertThat(ComboHashes.anyEqual(values, 9_999)).isFalse();
        assertThat(ComboHashes.anyEqual(new long[] {-1L, 0L, Long.MIN_VALUE, Long.MAX_VALUE}, 4)).isFalse();
        assertThat(ComboHashes.anyEqual(new long[] {-1L, 5L, -1L}, 3)).isTrue();
        assertThat(ComboHashes.anyEqual(new long[0], 0)).isFalse();
    }
}
