package dev.augctl.generate.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Each method type does what its name says. */
class AugmentersTest {
    static final String TEXT = "By noon I'm so drained that even answering a simple text message feels like a chore.";

    private static String run(String type, Map<String, Object> params, String text, long seed) {
        return Samples.make(type, params).augment(text, Span.NONE, new SplittableRandom(seed));
    }

    private static char[] sorted(String s) {
        char[] c = s.toCharArray();
        Arrays.sort(c);
        return c;
    }

    @Test
    void keyboardTypesNeighbouringKeys() {
        String out = run("keyboard", Map.of("aug_word_p", 1.0, "aug_char_max", 1, "include_numeric", false), TEXT, 1);
        assertThat(out).isNotEqualTo(TEXT).hasSameSizeAs(TEXT);
        for (int i = 0; i < TEXT.length(); i++) {
            char a = TEXT.charAt(i);
            char b = out.charAt(i);
            if (a != b) {
                assertThat(new String(CharTables.neighbours(a, false))).contains(String.valueOf(b));
            }
        }
    }

    @Test
    void ocrUsesConfusableCharacters() {
        String out = run("ocr", Map.of("aug_word_p", 1.0), "nothing seems normal anymore, modern life", 3);
        assertThat(out).isNotEqualTo("nothing seems normal anymore, modern life");
        assertThat(Samples.words(out)).hasSize(6);
        assertThat(CharEdit.ocr().apply("rnodern", new CharAugmenter(CharEdit.ocr(),
                new Params(MethodTypes.get("ocr"), Map.of("aug_char_p", 1.0, "aug_char_max", 100))),
                new SplittableRandom(1))).doesNotContain("rn");
    }

    @Test
    void charInsertSubstituteSwapDelete() {
        Map<String, Object> p = Map.of("aug_word_p", 0.5);
        String ins = run("char_insert", p, TEXT, 2);
        assertThat(ins.length()).isGreaterThan(TEXT.length());
        String sub = run("char_substitute", p, TEXT, 2);
        assertThat(sub).isNotEqualTo(TEXT).hasSameSizeAs(TEXT);
        String swap = run("char_swap", p, TEXT, 2);
        assertThat(swap).isNotEqualTo(TEXT);
        assertThat(sorted(swap)).isEqualTo(sorted(TEXT));
        String del = run("char_delete", p, TEXT, 2);
        assertThat(del.length()).isLessThan(TEXT.length());
        assertThat(Samples.words(del)).hasSameSizeAs(Samples.words(TEXT));
    }

    @Test
    void wordSwapDeleteCropSplit() {
        Map<String, Object> p = Map.of("aug_p", 0.3);
        List<String> words = Samples.words(TEXT);
        String swap = run("word_swap", p, TEXT, 4);
        assertThat(swap).isNotEqualTo(TEXT);
        assertThat(sortedLower(Samples.words(swap))).isEqualTo(sortedLower(words));
        String del = run("word_delete", p, TEXT, 4);
        assertThat(Samples.words(del).size()).isLessThan(words.size());
        assertThat(words).containsAll(Samples.words(del));
        String crop = run("word_crop", p, TEXT, 4);
        List<String> kept = Samples.words(crop);
        assertThat(kept.size()).isEqualTo(words.size() - (int) Math.ceil(0.3 * words.size()));
        int prefix = 0;
        while (kept.get(prefix).equals(words.get(prefix))) {
            prefix++;
        }
        assertThat(words.subList(words.size() - (kept.size() - prefix), words.size()))
                .isEqualTo(kept.subList(prefix, kept.size()));
        String split = run("word_split", p, TEXT, 4);
        assertThat(Samples.words(split).size()).isGreaterThan(words.size());
        assertThat(split.replace(" ", "")).isEqualTo(TEXT.replace(" ", ""));
    }

    private static List<String> sortedLower(List<String> words) {
        List<String> out = new ArrayList<>();
        words.forEach(w -> out.add(Casing.lower(w)));
        out.sort(null);
        return out;
    }

    @Test
    void wordNetSynonymOfHappyComesFromWordNet() {
        String out = run("wordnet_synonym", Map.of("aug_p", 1.0), "happy", 5);
        assertThat(out).isNotEqualTo("happy");
        List<String> synonyms = new ArrayList<>();
        for (WordNet.Candidate c : WordNet.shared().candidates("happy", WordNet.Relation.SYNONYM)) {
            synonyms.add(c.lemma());
        }
        assertThat(synonyms).contains("glad", "felicitous").contains(out);
        assertThat(run("wordnet_synonym", Map.of("aug_p", 1.0), "Happy", 5)).isEqualTo(Casing.match("Happy", out));
    }

    @Test
    void wordNetAntonymOfGoodIsBad() {
        Lexicon antonyms = new Lexicon(Samples.RESOURCES, WordNet.Relation.ANTONYM, 5);
        assertThat(antonyms.candidates("good")).contains("bad");
        String out = run("wordnet_antonym", Map.of("aug_p", 1.0, "stopwords", false), "The food was good", 1);
        assertThat(out).isNotEqualTo("The food was good");
        assertThat(run("wordnet_antonym", Map.of("aug_p", 1.0), "happy", 1)).isEqualTo("unhappy");
    }

    @Test
    void wordNetHypernymIsMoreGeneral() {
        Lexicon hypernyms = new Lexicon(Samples.RESOURCES, WordNet.Relation.HYPERNYM, 1);
        assertThat(hypernyms.candidates("dog")).contains("canine", "domestic animal");
        assertThat(hypernyms.candidates("dogs")).contains("canines").doesNotContain("domestic animals");
        assertThat(run("wordnet_hypernym", Map.of("aug_p", 1.0, "max_senses", 1), "dog", 0)).isIn((Object[]) hypernyms.candidates("dog"));
    }

    @Test
    void synonymInsertAddsWords() {
        String out = run("synonym_insert", Map.of("aug_p", 0.2), TEXT, 6);
        List<String> words = Samples.words(out);
        assertThat(words.size()).isGreaterThan(Samples.words(TEXT).size());
        List<String> rest = new ArrayList<>(words);
        Samples.words(TEXT).forEach(rest::remove);
        assertThat(rest).isNotEmpty();
    }

    @Test
    void spellingUsesTheTable() {
        String out = run("spelling", Map.of("aug_p", 1.0), "Because I really believe it", 7);
        WordTable table = Samples.RESOURCES.wordTable(Samples.RESOURCES.resolve("misspellings.tsv"));
        List<String> words = Samples.words(out);
        assertThat(table.get("because")).contains(Casing.lower(words.get(0)));
        assertThat(words.get(0).charAt(0)).isEqualTo('B');
        assertThat(table.get("believe")).contains(words.get(3));
        assertThat(table.size()).isGreaterThan(250);
    }

    @Test
    void tfidfReplacesWithCorpusWords() {
        String out = run("tfidf", Map.of("aug_p", 0.3), TEXT, 8);
        assertThat(out).isNotEqualTo(TEXT);
        assertThat(Samples.words(out)).hasSameSizeAs(Samples.words(TEXT));
        TfIdfModel model = Samples.RESOURCES.tfidf();
        assertThat(model.idf("the")).isLessThan(model.idf("therapist"));
        List<String> rest = new ArrayList<>(Samples.words(out));
        Samples.words(TEXT).forEach(rest::remove);
        String corpus = Casing.lower(String.join(" ", Samples.TEXTS));
        rest.forEach(w -> assertThat(corpus).contains(Casing.lower(w)));
    }

    @Test
    void contractionsExpandAndContractKeepingCase() {
        Map<String, Object> all = Map.of("aug_p", 1.0);
        assertThat(run("contraction_expand", all, "I can't sleep and I'm tired. Don't ask, IT'S fine.", 1))
                .isEqualTo("I cannot sleep and I am tired. Do not ask, IT IS fine.");
        assertThat(run("contraction_expand", all, "i\u2019m done", 1)).isEqualTo("i am done");
        assertThat(run("contraction_contract", all, "I cannot sleep and I am tired. Do not ask, it is fine.", 1))
                .isEqualTo("I can't sleep and I'm tired. Don't ask, it's fine.");
        assertThat(run("contraction_contract", all, "I am sure it\u2019s late and I am tired", 1))
                .isEqualTo("I\u2019m sure it\u2019s late and I\u2019m tired");
    }

    @Test
    void numbersMoveBoundedAndKeepTheirForm() {
        for (long seed = 0; seed < 50; seed++) {
            String out = run("number_perturb", Map.of("aug_p", 1.0), "for 30 days, 2.5 hours, 1,200 steps and 05 pills", seed);
            List<String> w = Samples.words(out);
            int days = Integer.parseInt(w.get(1));
            assertThat(days).isBetween(23, 37).isNotEqualTo(30);
            assertThat(w.get(3)).matches("\\d\\.\\d");
            assertThat(Double.parseDouble(w.get(3))).isBetween(1.9, 3.1).isNotEqualTo(2.5);
            assertThat(w.get(5)).matches("\\d,\\d{3}|\\d{3}");
            assertThat(w.get(8)).matches("\\d\\d");
        }
        assertThat(run("number_perturb", Map.of(), "0 friends", 1)).isEqualTo("1 friends");
    }

    @Test
    void reservedTokensSwapWithinTheirGroup() {
        String out = run("reserved_token", Map.of("aug_p", 1.0), "My Therapist says my panic attack was real.", 3);
        ReservedTokens tokens = Samples.RESOURCES.reservedTokens(Samples.RESOURCES.resolve("reserved_tokens.yaml"));
        assertThat(tokens.groupCount()).isGreaterThanOrEqualTo(30);
        assertThat(out).doesNotContain("Therapist").doesNotContain("panic attack").contains("anxiety attack");
        String term = out.substring(3, out.indexOf(" says"));
        assertThat(List.of("Counselor", "Counsellor", "Psychologist")).contains(term);
    }

    @Test
    void edaAppliesOneOperation() {
        int changed = 0;
        for (long seed = 0; seed < 20; seed++) {
            changed += run("eda", Map.of(), TEXT, seed).equals(TEXT) ? 0 : 1;
        }
        assertThat(changed).isGreaterThanOrEqualTo(18);
        String all = run("eda", Map.of("combine", true, "alpha_sr", 0.3, "alpha_ri", 0.3, "alpha_rs", 0.3, "p_rd", 0.3), TEXT, 1);
        assertThat(TextSimilarity.cosine3gram(all, TEXT)).isLessThan(0.9);
    }

    @Test
    void aedaInsertsOnlyPunctuation() {
        for (long seed = 0; seed < 20; seed++) {
            String out = run("aeda", Map.of(), TEXT, seed);
            assertThat(out.length()).isGreaterThan(TEXT.length());
            assertThat(Samples.words(out)).isEqualTo(Samples.words(TEXT));
            int marks = (out.length() - TEXT.length()) / 2;
            assertThat(marks).isBetween(1, Math.max(1, Samples.words(TEXT).size() / 3));
            assertThat(out.replaceAll("[.,!?;:] (?=\\S)", "").replace(" ", ""))
                    .isEqualTo(TEXT.replaceAll("[.,!?;:] (?=\\S)", "").replace(" ", ""));
        }
    }
}
