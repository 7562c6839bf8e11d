package dev.augctl.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ShellQuoteTest {
    @Test
    void safeWordsStayBareOthersAreSingleQuoted() {
        assertThat(ShellQuote.quote("--seed=42")).isEqualTo("--seed=42");
        assertThat(ShellQuote.quote("a b")).isEqualTo("'a b'");
        assertThat(ShellQuote.quote("")).isEqualTo("''");
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\"'\"'s'");
    }

    @Test
    void aPosixShellReadsTheQuotedLineBackAsTheSameWords() throws Exception {
        List<String> argv = List.of("plain", "with space", "it's", "\"double\"", "$HOME", "a;b", "`id`", "back\\slash",
                "new\nline", "*", "", "~", "{x}");
        Process p = new ProcessBuilder("/bin/sh", "-c", "printf '%s\\0' " + ShellQuote.join(argv)).start();
        assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(out.split("\0", -1)).containsExactlyElementsOf(concat(argv, ""));
    }

    private static List<String> concat(List<String> a, String last) {
        var l = new java.util.ArrayList<>(a);
        l.add(last);
        return l;
    }

    @Test
    void alwaysQuotesEvenSafeWordsAndEscapesSingleQuotes() {
        org.assertj.core.api.Assertions.assertThat(ShellQuote.always("plain")).isEqualTo("'plain'");
        org.assertj.core.api.Assertions.assertThat(ShellQuote.always("it's")).isEqualTo("'it'\"'\"'s'");
    }
}
