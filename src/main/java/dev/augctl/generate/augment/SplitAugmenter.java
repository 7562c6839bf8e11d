package dev.augctl.generate.augment;

import java.util.random.RandomGenerator;

/** nlpaug's SplitAug: a chosen word is split in two at a random inner position ("some where"). */
final class SplitAugmenter implements Augmenter {
    private final Amount amount;
    private final int minChar;
    private final boolean skipStopwords;

    SplitAugmenter(Params params) {
        this.amount = Amount.of(params, "aug_");
        this.minChar = Math.max(2, params.integer("min_char"));
        this.skipStopwords = params.bool("stopwords");
    }

    @Override
    public String augment(String text, Span protect, RandomGenerator rng) {
        Draft d = Draft.of(text, protect);
        int[] eligible = WordOps.eligible(d, minChar, skipStopwords);
        int k = amount.count(d.freeWords().length, eligible.length);
        if (k == 0) {
            return text;
        }
        for (int i : Picks.choose(eligible, k, rng)) {
            String w = d.text(i);
            int[] cuts = new int[w.length()];
            int n = 0;
            for (int c = 1; c < w.length(); c++) {
                if (Character.isLetterOrDigit(w.charAt(c - 1)) && Character.isLetterOrDigit(w.charAt(c))) {
                    cuts[n++] = c;
                }
            }
            if (n > 0) {
                int c = cuts[rng.nextInt(n)];
                d.set(i, w.substring(0, c) + ' ' + w.substring(c));
            }
        }
        return d.toString();
    }
}
