package dev.augctl.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BytesTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsEveryLineEndAtEveryPosition() {
        for (int len = 1; len < 40; len++) {
            for (int pos = 0; pos < len; pos++) {
                byte[] a = b("x".repeat(len));
                a[pos] = (byte) (pos % 2 == 0 ? '\n' : '\r');
                assertThat(Bytes.indexOfEol(a, 0, len)).as("len %d pos %d", len, pos).isEqualTo(pos);
                assertThat(Bytes.indexOfEol(a, pos + 1, len)).isEqualTo(-1);
            }
        }
    }

    @Test
    void containsAtEveryPositionAndNotAcrossTheRange() {
        for (int pos = 0; pos < 30; pos++) {
            byte[] a = b("-".repeat(pos) + "needle" + "-".repeat(30 - pos));
            assertThat(Bytes.contains(a, 0, a.length, b("needle"))).isTrue();
            assertThat(Bytes.contains(a, 0, pos + 5, b("needle"))).isFalse();
            assertThat(Bytes.contains(a, 0, a.length, b("needlf"))).isFalse();
        }
        assertThat(Bytes.contains(b("nnnnnnnnnnnnnnneedle"), 0, 20, b("needle"))).isTrue();
    }

    @Test
    void asciiCheck() {
        assertThat(Bytes.isAscii(b("plain text of more than eight bytes"), 0, 35)).isTrue();
        assertThat(Bytes.isAscii(b("text with é inside and more"), 0, 20)).isFalse();
        byte[] tail = b("0123456789é");
        assertThat(Bytes.isAscii(tail, 0, 10)).isTrue();
        assertThat(Bytes.isAscii(tail, 0, tail.length)).isFalse();
    }
}
