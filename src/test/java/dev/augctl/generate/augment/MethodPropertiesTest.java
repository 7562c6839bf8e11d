package dev.augctl.generate.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Properties every method type must have: span protection, determinism, non-ASCII safety, thread safety. */
class MethodPropertiesTest {
    static List<String> types() {
        return MethodTypes.names();
    }

    /** Parameters that make each type change as much as it can, so that the span is under pressure. */
    static Map<String, Object> aggressive(String type) {
        Map<String, Object> p = new HashMap<>();
        MethodType t = MethodTypes.get(type);
        for (ParamDef d : t.params()) {
            switch (d.name()) {
                case "aug_p", "aug_word_p", "aug_char_p", "punc_ratio" -> p.put(d.name(), 1.0);
                case "aug_max", "aug_word_max", "aug_char_max" -> p.put(d.name(), 100);
                case "min_char" -> p.put(d.name(), type.equals("word_split") ? 2 : 1);
                case "stopwords", "combine" -> p.put(d.name(), d.name().equals("combine"));
                case "alpha_sr", "alpha_ri", "alpha_rs", "p_rd" -> p.put(d.name(), 0.5);
                default -> { }
            }
        }
        if (type.equals("word_crop")) {
            p.put("aug_p", 0.6);
        }
        return p;
    }

    private static List<String> texts() {
        List<String> t = new ArrayList<>(Samples.TEXTS.subList(0, 60));
        t.add("I can't sleep, I'm tired and it's 3.5 hours past 2,000 o'clock; my therapist isn't worried.");
        t.add("I do not think I am okay, it is not fine and I cannot focus for 10 minutes.");
        return t;
    }

    @ParameterizedTest
    @MethodSource("types")
    void protectedSpanSurvivesVerbatim(String type) {
        Augmenter a = Samples.make(type, aggressive(type));
        SplittableRandom spans = new SplittableRandom(99);
        int touchedOutside = 0;
        for (String text : texts()) {
            for (int seed = 0; seed < 8; seed++) {
                int start = spans.nextInt(Math.max(1, text.length() - 12));
                int end = Math.min(text.length(), start + 12 + spans.nextInt(30));
                String evidence = text.substring(start, end);
                String out = a.augment(text, new Span(start, end), new SplittableRandom(seed));
                assertThat(out).as("%s on '%s' protecting '%s'", type, text, evidence).contains(evidence);
                touchedOutside += out.equals(text) ? 0 : 1;
            }
        }
        assertThat(touchedOutside).as("%s changed nothing at all", type).isPositive();
    }

    @ParameterizedTest
    @MethodSource("types")
    void wholeTextProtectedMeansNoChange(String type) {
        Augmenter a = Samples.make(type, aggressive(type));
        for (String text : texts().subList(0, 20)) {
            // Insertion methods may still add something before or after the protected text.
            assertThat(a.augment(text, new Span(0, text.length()), new SplittableRandom(1))).contains(text);
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void sameSeedSameOutputAndSeedsVary(String type) {
        // Defaults here: at aug_p = 1 some types change everything and have nothing left to vary.
        Map<String, Object> params = new HashMap<>();
        boolean rare = type.startsWith("contraction") || type.equals("reserved_token") || type.equals("number_perturb")
                || type.equals("wordnet_antonym"); // few words have antonyms, most only one
        if (rare && !type.equals("wordnet_antonym")) {
            params.put("aug_p", 0.5);
        }
        Augmenter a = Samples.make(type, params);
        Augmenter twin = Samples.make(type, params);
        int varied = 0;
        for (String text : texts()) {
            Set<String> outs = new HashSet<>();
            for (int seed = 0; seed < 6; seed++) {
                String out = a.augment(text, Span.NONE, new SplittableRandom(seed));
                assertThat(twin.augment(text, Span.NONE, new SplittableRandom(seed))).isEqualTo(out);
                assertThat(a.augment(text, Span.NONE, new SplittableRandom(seed))).isEqualTo(out);
                outs.add(out);
            }
            varied += outs.size() > 1 ? 1 : 0;
        }
        assertThat(varied).as("%s: texts whose variants differ between seeds", type)
                .isGreaterThanOrEqualTo(rare ? 1 : texts().size() / 2);
    }

    @ParameterizedTest
    @MethodSource("types")
    void nonAsciiTextSurvives(String type) {
        String text = "Je suis épuisé — I can't sleep for 3 nights 😴, my thérapeute says it's “normal”, "
                + "naïve Überlegung ñandú 東京 café";
        Augmenter a = Samples.make(type, aggressive(type));
        Set<Integer> allowed = new HashSet<>();
        text.codePoints().filter(c -> c > 127).forEach(allowed::add);
        boolean deletes = Set.of("word_delete", "word_crop", "eda").contains(type);
        for (int seed = 0; seed < 40; seed++) {
            String out = a.augment(text, Span.NONE, new SplittableRandom(seed));
            assertThat(new String(out.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(out);
            out.codePoints().filter(c -> c > 127).forEach(c -> assertThat(allowed).contains(c));
            if (!deletes) {
                assertThat(out).contains("😴").contains("—");
            }
        }
    }

    @ParameterizedTest
    @MethodSource("types")
    void threadsGetTheSameResults(String type) throws Exception {
        Augmenter a = Samples.make(type, aggressive(type));
        List<String> texts = texts();
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            expected.add(a.augment(texts.get(i), Span.NONE, new SplittableRandom(i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < texts.size(); i++) {
                    int k = i;
                    futures.add(pool.submit(() -> a.augment(texts.get(k), Span.NONE, new SplittableRandom(k))));
                }
            }
            for (int f = 0; f < futures.size(); f++) {
                assertThat(futures.get(f).get(60, TimeUnit.SECONDS)).isEqualTo(expected.get(f % texts.size()));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
