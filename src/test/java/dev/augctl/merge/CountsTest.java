package dev.augctl.merge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountsTest {
    @Test
    void parsesNonNegativeIntegers() {
        assertThat(Counts.parse("0")).isZero();
        assertThat(Counts.parse("5400")).isEqualTo(5400);
        assertThat(Counts.parse("007")).isEqualTo(7);
        assertThat(Counts.parse("999999999999999999")).isEqualTo(999_999_999_999_999_999L);
    }

    @Test
    void flagsNegativeValues() {
        assertThat(Counts.parse("-3")).isEqualTo(Counts.NEGATIVE);
        assertThat(Counts.parse("-1234567890123456789")).isEqualTo(Counts.NEGATIVE);
    }

    @Test
    void flagsEverythingElse() {
        for (String s : new String[] {"", "-", "1.5", "1e3", " 12", "12 ", "abc", "+4", "--1", "12345678901234567890"}) {
            assertThat(Counts.parse(s)).as("'%s'", s).isEqualTo(Counts.NOT_A_NUMBER);
        }
    }

    @Test
    void theByteParserAcceptsExactlyWhatTheStringParserAccepts() {
        String[] samples = {"0", "5400", "007", "999999999999999999", "1234567890123456789", "12345678901234567890",
            "", "-", "-3", "1.5", "1e3", " 12", "12 ", "abc", "+4", "--1", "١٢", "9/", ":0", "4\u0000"};
        for (String s : samples) {
            byte[] b = ("x" + s + "y").getBytes(java.nio.charset.StandardCharsets.UTF_8);
            long expected = Counts.parse(s);
            long parsed = Counts.parse(b, 1, b.length - 1);
            if (expected >= 0) {
                assertThat(parsed).as("'%s'", s).isEqualTo(expected);
            } else {
                assertThat(parsed).as("'%s'", s).isNegative();
            }
        }
    }
}
