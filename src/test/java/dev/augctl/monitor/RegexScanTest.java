package dev.augctl.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegexScanTest {
    @Test
    void findsNamedGroupsButNotLookbehinds() {
        RegexScan.Info i = RegexScan.scan("combo (?<index>\\d+)/(?<total>\\d+) (?<=x)(?<!y)start: (?<name>\\S+)");
        assertThat(i.groupNames()).containsExactly("index", "total", "name");
    }

    @Test
    void longestRequiredLiteralOutsideGroups() {
        assertThat(RegexScan.scan("combo \\d+/\\d+ progress: (?<done>\\d+)/(?<total>\\d+) rows").literal())
                .isEqualTo(" progress: ");
        assertThat(RegexScan.scan("(?<percent>\\d{1,3})%\\|").literal()).isEqualTo("%|");
        assertThat(RegexScan.scan("Saved (?<rows>\\d[\\d,]*) rows to ").literal()).isEqualTo(" rows to ");
    }

    @Test
    void quantifiedCharsAreNotRequired() {
        assertThat(RegexScan.scan("abcx?yz").literal()).isEqualTo("abc");
        assertThat(RegexScan.scan("ab+cdef").literal()).isEqualTo("cdef");
        assertThat(RegexScan.scan("a*bc").literal()).isEqualTo("bc");
    }

    @Test
    void noLiteralWithTopLevelAlternationOrFlagsOrClassesOnly() {
        assertThat(RegexScan.scan("ERROR|Traceback").literal()).isNull();
        assertThat(RegexScan.scan("(?i)error").literal()).isNull();
        assertThat(RegexScan.scan("[abc]+\\d").literal()).isNull();
        assertThat(RegexScan.scan("x(?:ERROR|FATAL)").literal()).isEqualTo("x");
    }

    @Test
    void anchoredOnlyWithLeadingCaretAndNoAlternation() {
        assertThat(RegexScan.scan("^Traceback").anchored()).isTrue();
        assertThat(RegexScan.scan("^a|b").anchored()).isFalse();
        assertThat(RegexScan.scan("a^").anchored()).isFalse();
    }

    @Test
    void escapedMetacharsAreLiterals() {
        assertThat(RegexScan.scan("^Traceback \\(most recent call last\\)").literal())
                .isEqualTo("Traceback (most recent call last)");
    }
}
