package dev.augctl.generate.augment;

import java.util.random.RandomGenerator;

/**
 * AEDA (Karimi et al., 2021): punctuation marks inserted at random positions between words, their
 * number uniform in 1..max(1, punc_ratio * words).
 */
final class AedaAugmenter implements Augmenter {
    private final String[] marks;
    private final double ratio;

    AedaAugmenter(Params params) {
        this.marks = params.strings("punctuations").toArray(new String[0]);
        this.ratio = params.dbl("punc_ratio");
    }

    @Override
    public String augment(String text, Span protect, RandomGenerator rng) {
        Draft d = Draft.of(text, protect);
        int[] gaps = new int[d.size()];
        int n = 0;
        int words = 0;
        for (int i = 0; i < d.size(); i++) {
            if (d.isWord(i)) {
                words++;
                if (d.canInsertBefore(i)) {
                    gaps[n++] = i;
                }
            }
        }
        if (n == 0 || marks.length == 0) {
            return text;
        }
        int q = 1 + rng.nextInt(Math.max(1, (int) (ratio * words)));
        int[] chosen = Picks.choose(java.util.Arrays.copyOf(gaps, n), q, rng);
        for (int c = chosen.length - 1; c >= 0; c--) {
            d.insert(chosen[c], " ", Draft.SPACE);
            d.insert(chosen[c], Picks.pick(marks, rng), Draft.PUNCT);
        }
        return d.toString();
    }
}
