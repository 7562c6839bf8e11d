package dev.augctl.generate.augment;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** nlpaug's RandomWordAug: swap words with a neighbour, delete words, or crop a contiguous run. */
final class RandomWordAugmenter implements Augmenter {
    enum Action {
        SWAP, DELETE, CROP
    }

    private final Action action;
    private final Amount amount;
    private final boolean skipStopwords;

    RandomWordAugmenter(Action action, Params params) {
        this.action = action;
        this.amount = Amount.of(params, "aug_");
        this.skipStopwords = params.bool("stopwords");
    }

    @Override
    public String augment(String text, Span protect, RandomGenerator rng) {
        Draft d = Draft.of(text, protect);
        int[] free = d.freeWords();
        boolean changed = switch (action) {
            case SWAP -> swap(d, free, rng);
            case DELETE -> delete(d, free, rng);
            case CROP -> crop(d, free, rng);
        };
        return changed ? d.toString() : text;
    }

    private int[] filtered(Draft d, int[] free) {
        if (!skipStopwords) {
            return free;
        }
        int[] out = new int[free.length];
        int n = 0;
        for (int i : free) {
            if (!Stopwords.contains(d.text(i))) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Each chosen word changes place with the next unlocked word (the previous one at the end). */
    private boolean swap(Draft d, int[] free, RandomGenerator rng) {
        if (free.length < 2) {
            return false;
        }
        int[] eligible = filtered(d, free);
        int k = amount.count(free.length, eligible.length);
        boolean changed = false;
        int first = WordOps.firstWord(d);
        for (int i : Picks.choose(eligible, k, rng)) {
            int at = Arrays.binarySearch(free, i);
            int other = at + 1 < free.length ? free[at + 1] : free[at - 1];
            if (!d.text(i).equals(d.text(other))) {
                WordOps.swap(d, first, i, other);
                changed = true;
            }
        }
        return changed;
    }

    /** Chosen words are removed with one neighbouring space; at least one word stays. */
    private boolean delete(Draft d, int[] free, RandomGenerator rng) {
        int[] eligible = filtered(d, free);
        int k = amount.count(free.length, Math.min(eligible.length, d.wordCount() - 1));
        int[] chosen = Picks.choose(eligible, k, rng);
        for (int j = chosen.length - 1; j >= 0; j--) {
            d.removeWithSpace(chosen[j], chosen[j] + 1);
        }
        return chosen.length > 0;
    }

    /** A run of consecutive unlocked words (and what lies between them) is removed. */
    private boolean crop(Draft d, int[] free, RandomGenerator rng) {
        int k = amount.count(free.length, Math.min(free.length, d.wordCount() - 1));
        if (k == 0) {
            return false;
        }
        // Runs may not cross the protected span: a run of free words is cut where a locked piece lies between.
        int[] starts = new int[free.length];
        int longest = 0;
        int runStart = 0;
        for (int a = 0; a < free.length; a++) {
            if (a > 0 && lockedBetween(d, free[a - 1], free[a])) {
                runStart = a;
            }
            longest = Math.max(longest, a - runStart + 1);
        }
        k = Math.min(k, longest);
        int n = 0;
        runStart = 0;
        for (int a = 0; a < free.length; a++) {
            if (a > 0 && lockedBetween(d, free[a - 1], free[a])) {
                runStart = a;
            }
            if (a - runStart + 1 >= k) {
                starts[n++] = a - k + 1;
            }
        }
        int s = starts[rng.nextInt(n)];
        d.removeWithSpace(free[s], free[s + k - 1] + 1);
        return true;
    }

    private static boolean lockedBetween(Draft d, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            if (d.locked(i)) {
                return true;
            }
        }
        return false;
    }
}
