package dev.augctl.generate.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds the augmenter of a method spec (temporary minimal version: three word/char edits). */
public final class AugmenterFactory {
    /** The method types this version knows. */
    public static final List<String> TYPES = List.of("word_swap", "char_swap", "word_delete");

    private static final Pattern WORD = Pattern.compile("\\S+");

    private AugmenterFactory() {
    }

    public static Augmenter create(MethodSpec spec, AugmentResources resources) {
        double p = ((Number) spec.params().get("aug_p")).doubleValue();
        return switch (spec.type()) {
            case "word_swap" -> (text, protect, rng) -> wordSwap(text, protect, rng, p);
            case "char_swap" -> (text, protect, rng) -> charSwap(text, protect, rng, p);
            case "word_delete" -> (text, protect, rng) -> wordDelete(text, protect, rng, p);
            default -> throw new IllegalArgumentException("unknown method type " + spec.type());
        };
    }

    private static List<int[]> words(String text, Span protect) {
        List<int[]> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            if (!protect.overlaps(m.start(), m.end())) {
                words.add(new int[] {m.start(), m.end()});
            }
        }
        return words;
    }

    private static String wordSwap(String text, Span protect, RandomGenerator rng, double p) {
        List<int[]> words = words(text, protect);
        String[] tokens = new String[words.size()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = text.substring(words.get(i)[0], words.get(i)[1]);
        }
        for (int i = 0; i + 1 < tokens.length; i++) {
            if (rng.nextDouble() < p) {
                String t = tokens[i];
                tokens[i] = tokens[i + 1];
                tokens[i + 1] = t;
                i++;
            }
        }
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        for (int i = 0; i < tokens.length; i++) {
            sb.append(text, at, words.get(i)[0]).append(tokens[i]);
            at = words.get(i)[1];
        }
        return sb.append(text, at, text.length()).toString();
    }

    private static String charSwap(String text, Span protect, RandomGenerator rng, double p) {
        char[] chars = text.toCharArray();
        for (int[] w : words(text, protect)) {
            if (w[1] - w[0] >= 2 && rng.nextDouble() < p) {
                int i = w[0] + rng.nextInt(w[1] - w[0] - 1);
                char c = chars[i];
                chars[i] = chars[i + 1];
                chars[i + 1] = c;
            }
        }
        return new String(chars);
    }

    private static String wordDelete(String text, Span protect, RandomGenerator rng, double p) {
        List<int[]> words = words(text, protect);
        StringBuilder sb = new StringBuilder(text.length());
        int at = 0;
        int deleted = 0;
        for (int[] w : words) {
            if (deleted + 1 < words.size() && rng.nextDouble() < p) {
                sb.append(text, at, w[0]);
                at = w[1];
                while (at < text.length() && text.charAt(at) == ' ') {
                    at++;
                }
                deleted++;
            }
        }
        return sb.append(text, at, text.length()).toString();
    }
}
