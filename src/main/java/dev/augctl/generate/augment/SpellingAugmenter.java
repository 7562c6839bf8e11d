package dev.augctl.generate.augment;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** nlpaug's SpellingAug: words found in a misspelling table are replaced by one of their misspellings. */
final class SpellingAugmenter implements Augmenter {
    private final WordTable table;
    private final Amount amount;

    SpellingAugmenter(WordTable table, Params params) {
        this.table = table;
        this.amount = Amount.of(params, "aug_");
    }

    @Override
    public String augment(String text, Span protect, RandomGenerator rng) {
        Draft d = Draft.of(text, protect);
        int[] free = d.freeWords();
        int[] eligible = new int[free.length];
        int n = 0;
        for (int i : free) {
            if (table.get(Casing.lower(d.text(i))).length > 0) {
                eligible[n++] = i;
            }
        }
        int k = amount.count(free.length, n);
        if (k == 0) {
            return text;
        }
        for (int i : Picks.choose(Arrays.copyOf(eligible, n), k, rng)) {
            String w = d.text(i);
            d.set(i, Casing.match(w, Picks.pick(table.get(Casing.lower(w)), rng)));
        }
        return d.toString();
    }
}
