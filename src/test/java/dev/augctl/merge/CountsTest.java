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
}
