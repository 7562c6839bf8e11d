package dev.augctl.generate.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.augctl.common.AugctlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tokenizer, the similarity measure, the helpers and the dictionary readers. */
class TextToolsTest {
    @TempDir
    Path dir;

    @Test
    void tokenizerKeepsEveryByteAndWholeTokens() {
        String s = "I can't  sleep\t— it's 3.5 hrs, 1,000 times; self-esteem 😴 naïve!\n";
        Draft d = Draft.of(s, Span.NONE);
        assertThat(d.toString()).isEqualTo(s);
        assertThat(Samples.words(s)).containsExactly("I", "can't", "sleep", "it's", "3.5", "hrs", "1,000", "times",
                "self-esteem", "naïve");
        SplittableRandom r = new SplittableRandom(5);
        for (int n = 0; n < 500; n++) {
            StringBuilder b = new StringBuilder();
            for (int k = r.nextInt(40); k > 0; k--) {
                b.append(" aZ9'’-.,\t😴éß東".charAt(r.nextInt(15)));
            }
            String t = b.toString().replace("\uD83D", "").replace("\uDE34", "");
            assertThat(Draft.of(t, Span.NONE).toString()).isEqualTo(t);
        }
    }

    @Test
    void piecesOverlappingTheSpanAreLocked() {
        String s = "one two three four";
        Draft d = Draft.of(s, new Span(5, 9)); // "wo t": two, space, three
        assertThat(d.locked(0)).isFalse();
        assertThat(d.locked(2)).isTrue();
        assertThat(d.locked(3)).isTrue();
        assertThat(d.locked(4)).isTrue();
        assertThat(d.locked(6)).isFalse();
        assertThat(d.canInsertBefore(3)).isFalse();
        assertThat(d.canInsertBefore(2)).isTrue();
        assertThatThrownBy(() -> d.set(2, "x")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void cosineOfCharacterTrigrams() {
        assertThat(TextSimilarity.cosine3gram("Hello there", "hello THERE")).isEqualTo(1.0);
        assertThat(TextSimilarity.cosine3gram("abc", "xyz")).isEqualTo(0.0);
        // "abcd" has abc, bcd; "abce" has abc, bce: one shared gram of two each
        assertThat(TextSimilarity.cosine3gram("abcd", "abce")).isEqualTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        // "aaaa" = {aaa: 2}, "aaa" = {aaa: 1}
        assertThat(TextSimilarity.cosine3gram("aaaa", "aaa")).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-12));
        String a = "I feel tired all the time";
        String b = "I feel tried all teh time";
        assertThat(TextSimilarity.cosine3gram(a, b)).isEqualTo(TextSimilarity.cosine3gram(b, a)).isBetween(0.4, 0.9);
        assertThat(TextSimilarity.cosine3gram("", "abc")).isEqualTo(0.0);
        assertThat(TextSimilarity.cosine3gram("ab", "ab")).isEqualTo(1.0);
    }

    @Test
    void aPreparedReferenceGivesExactlyTheSameSimilarity() {
        java.util.SplittableRandom r = new java.util.SplittableRandom(5);
        String alphabet = "aAbBcde \u00e9\u00c9\u2014\u0130\u03a3\u03c3xyz.,'";
        java.util.List<String> originals = new java.util.ArrayList<>(java.util.List.of(
                "", "a", "ab", "abc", "aaaa", "I feel tired all the time", "Sleep\u2019s been fine \u2014 it's the day"));
        for (int i = 0; i < 300; i++) {
            StringBuilder b = new StringBuilder();
            int n = r.nextInt(60);
            for (int k = 0; k < n; k++) {
                b.append(alphabet.charAt(r.nextInt(alphabet.length())));
            }
            originals.add(b.toString());
        }
        for (String original : originals) {
            TextSimilarity.Reference ref = new TextSimilarity.Reference(original);
            for (int v = 0; v < 20; v++) {
                StringBuilder c = new StringBuilder(original);
                int edits = r.nextInt(6);
                for (int e = 0; e < edits; e++) {
                    int at = c.length() == 0 ? 0 : r.nextInt(c.length() + 1);
                    switch (r.nextInt(3)) {
                        case 0 -> c.insert(at, alphabet.charAt(r.nextInt(alphabet.length())));
                        case 1 -> { if (at < c.length()) c.deleteCharAt(at); }
                        default -> { if (at < c.length()) c.setCharAt(at, Character.toUpperCase(c.charAt(at))); }
                    }
                }
                String candidate = c.toString();
                assertThat(ref.similarity(candidate)).as("%s | %s", original, candidate)
                        .isEqualTo(TextSimilarity.cosine3gram(original, candidate));
            }
        }
    }

    @Test
    void countsFollowNlpaug() {
        assertThat(Picks.count(0.3, 1, 10, 10, 10)).isEqualTo(3);
        assertThat(Picks.count(0.3, 1, 10, 11, 10)).isEqualTo(4);
        assertThat(Picks.count(0.01, 1, 10, 10, 10)).isEqualTo(1);
        assertThat(Picks.count(1.0, 1, 10, 50, 50)).isEqualTo(10);
        assertThat(Picks.count(1.0, 1, 10, 50, 2)).isEqualTo(2);
        assertThat(Picks.choose(new int[] {5, 7, 9, 11}, 3, new SplittableRandom(1))).isSorted().hasSize(3);
    }

    @Test
    void casingFollowsTheOriginal() {
        assertThat(Casing.match("Happy", "glad")).isEqualTo("Glad");
        assertThat(Casing.match("HAPPY", "glad")).isEqualTo("GLAD");
        assertThat(Casing.match("happy", "Glad")).isEqualTo("glad");
        assertThat(Casing.match("i am", "I'm")).isEqualTo("i'm");
        assertThat(Casing.match("happy", "USA")).isEqualTo("USA");
    }

    @Test
    void stopwordsAreShipped() {
        assertThat(Stopwords.size()).isGreaterThan(150);
        assertThat(Stopwords.contains("The")).isTrue();
        assertThat(Stopwords.contains("don\u2019t")).isTrue();
        assertThat(Stopwords.contains("therapist")).isFalse();
    }

    @Test
    void badWordTableNamesFileAndLine() throws IOException {
        Path f = dir.resolve("m.tsv");
        Files.writeString(f, "# comment\nbecause\tbecuase\nbroken line\n");
        assertThatThrownBy(() -> WordTable.readTsv(f)).isInstanceOf(AugctlException.class)
                .hasMessageContaining(f + ":3:").hasMessageContaining("broken line");
    }

    @Test
    void badReservedTokensAreRejected() throws IOException {
        Path f = dir.resolve("r.yaml");
        Files.writeString(f, "groups:\n  - [sad, unhappy]\n  - [Sad, blue]\n");
        assertThatThrownBy(() -> ReservedTokens.read(f)).isInstanceOf(AugctlException.class)
                .hasMessageContaining(f.toString()).hasMessageContaining("'Sad' is in group 1 and group 2");
        Files.writeString(f, "groups:\n  - [alone]\n");
        assertThatThrownBy(() -> ReservedTokens.read(f)).hasMessageContaining("group 1 must be a list of at least 2");
        Files.writeString(f, "groups:\n  - [a.m., morning]\n");
        assertThatThrownBy(() -> ReservedTokens.read(f)).hasMessageContaining("words separated by single spaces");
        Files.writeString(f, "groups: [\n");
        assertThatThrownBy(() -> ReservedTokens.read(f)).hasMessageContaining("invalid YAML");
        Files.writeString(f, "groups:\n  - [panic attack, anxiety attack]\n  - [panic, fear]\n");
        ReservedTokens ok = ReservedTokens.read(f);
        assertThat(ok.startingWith("panic")).hasSize(2); // longest term first
        assertThat(ok.startingWith("panic")[0].words()).containsExactly("panic", "attack");
        assertThat(ok.group(1)).isEqualTo(List.of("panic", "fear"));
    }

    @Test
    void factoryRejectsUnknownTypes() {
        assertThatThrownBy(() -> AugmenterFactory.create(new MethodSpec("x", "keybord", java.util.Map.of(), true),
                Samples.RESOURCES)).isInstanceOf(AugctlException.class).hasMessageContaining("did you mean 'keyboard'");
    }
}
