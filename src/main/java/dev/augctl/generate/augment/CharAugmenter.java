package dev.augctl.generate.augment;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Character-level noise inside words, as nlpaug's char augmenters: choose {@code aug_word_p} of the
 * words (at least {@code min_char} long), then edit {@code aug_char_p} of each one's characters
 * with the {@link CharEdit}. Only letters and digits are edited, never inside the protected span.
 */
final class CharAugmenter implements Augmenter {
    private final CharEdit edit;
    private final Amount words;
    private final Amount chars;
    private final int minChar;
    private final boolean skipStopwords;

    CharAugmenter(CharEdit edit, Params p) {
        this.edit = edit;
        this.words = Amount.of(p, "aug_word_");
        this.chars = Amount.of(p, "aug_char_");
        this.minChar = p.integer("min_char");
        this.skipStopwords = p.bool("stopwords");
    }

    @Override
    public String augment(String text, Span protect, RandomGenerator rng) {
        Draft d = Draft.of(text, protect);
        int[] free = d.freeWords();
        int[] eligible = new int[free.length];
        int n = 0;
        for (int i : free) {
            String w = d.text(i);
            if (w.length() >= minChar && plain(w) && !(skipStopwords && Stopwords.contains(w))) {
                eligible[n++] = i;
            }
        }
        int k = words.count(free.length, n);
        if (k == 0) {
            return text;
        }
        for (int i : Picks.choose(Arrays.copyOf(eligible, n), k, rng)) {
            d.set(i, edit.apply(d.text(i), this, rng));
        }
        return d.toString();
    }

    /** How many characters of a word to edit, given how many positions qualify. */
    int charCount(int wordLength, int available) {
        return chars.count(wordLength, available);
    }

    /** No combining marks, so that an edit never separates a mark from its letter. */
    private static boolean plain(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.getType(w.charAt(i)) == Character.NON_SPACING_MARK) {
                return false;
            }
        }
        return true;
    }
}
