package dev.augctl.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ComboHashesTest {
    private static void add(ComboHashes hashes, String name) {
        byte[] b = ("..." + name + "..").getBytes(StandardCharsets.UTF_8);
        hashes.add(b, 3, b.length - 2);
    }

    @Test
    void findsANameRepeatedInALaterBatch() {
        ComboHashes hashes = new ComboHashes();
        for (int batch = 0; batch < 3; batch++) {
            for (int i = 0; i < 100_000; i++) {
                add(hashes, "combo_" + (batch * 100_000 + i) + (i % 2 == 0 ? "_eda" : "_eda+ocr"));
            }
            assertThat(hashes.insert(hashes.takeBatch())).as("batch %d", batch).isFalse();
        }
        assertThat(hashes.size()).isEqualTo(300_000);
        add(hashes, "combo_new_eda");
        add(hashes, "combo_123457_eda+ocr");
        assertThat(hashes.insert(hashes.takeBatch())).isTrue();
        assertThat(hashes.takeBatch()).isEmpty();
    }

    @Test
    void findsANameRepeatedWithinABatch() {
        ComboHashes hashes = new ComboHashes();
        add(hashes, "combo_1_a");
        add(hashes, "combo_2_a");
        add(hashes, "combo_1_a");
        assertThat(hashes.insert(hashes.takeBatch())).isTrue();
    }

    @Test
    void hashZeroIsKeptAsOneAndAtWorstLooksLikeIt() {
        ComboHashes hashes = new ComboHashes();
        assertThat(hashes.insert(new long[] {0, -1, Long.MIN_VALUE, Long.MAX_VALUE})).isFalse();
        assertThat(hashes.insert(new long[] {0})).isTrue();
        assertThat(hashes.insert(new long[] {1})).isTrue(); // a false alarm: the caller compares the names
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
}
