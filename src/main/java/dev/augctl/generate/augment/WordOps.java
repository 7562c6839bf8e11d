package dev.augctl.generate.augment;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Word operations on a {@link Draft} shared by the word-level methods and EDA. */
final class WordOps {
    private WordOps() {
    }

    /** Unlocked words (not numbers) at least {@code minChar} long, optionally not stop words. */
    static int[] eligible(Draft d, int minChar, boolean skipStopwords) {
        int[] out = new int[d.size()];
        int n = 0;
        for (int i = 0; i < d.size(); i++) {
            if (!d.locked(i) && d.kind(i) == Draft.WORD && d.text(i).length() >= minChar
                    && !(skipStopwords && Stopwords.contains(d.text(i)))) {
                out[n++] = i;
            }
        }
        return Arrays.copyOf(out, n);
    }

    /** Replaces up to {@code n} eligible words that have candidates by one of them; returns how many. */
    static int replace(Draft d, Lexicon lexicon, int n, boolean skipStopwords, RandomGenerator rng) {
        int done = 0;
        for (int i : Picks.shuffle(eligible(d, 1, skipStopwords), rng)) {
            if (done >= n) {
                break;
            }
            String[] candidates = lexicon.candidates(d.text(i));
            if (candidates.length > 0) {
                d.set(i, Casing.match(d.text(i), Picks.pick(candidates, rng)));
                done++;
            }
        }
        return done;
    }

    /**
     * EDA random insertion, {@code n} times: a synonym of a random word (one that has synonyms,
     * at most 10 tries per insertion) goes before a random word or after the last one. Each round
     * sees the words inserted by the earlier ones.
     */
    static int insertSynonyms(Draft d, Lexicon lexicon, int n, boolean skipStopwords, RandomGenerator rng) {
        WordInsertions text = new WordInsertions(d, skipStopwords);
        int done = 0;
        for (int round = 0; round < n; round++) {
            int words = text.eligibleCount();
            if (words == 0) {
                break;
            }
            String[] candidates = null;
            for (int tries = 0; tries < 10 && (candidates == null || candidates.length == 0); tries++) {
                candidates = lexicon.candidates(text.eligibleWord(rng.nextInt(words)));
            }
            if (candidates.length == 0) {
                break;
            }
            if (text.insertAtRandomGap(Picks.pick(candidates, rng), Draft.WORD, rng)) {
                done++;
            }
        }
        text.apply();
        return done;
    }

    /** EDA random swap, {@code n} times: two random unlocked words exchange places. */
    static void swapRandom(Draft d, int n, RandomGenerator rng) {
        int[] free = d.freeWords();
        if (free.length < 2) {
            return;
        }
        int first = firstWord(d);
        for (int round = 0; round < n; round++) {
            int a = free[rng.nextInt(free.length)];
            int b = a;
            for (int tries = 0; tries < 3 && b == a; tries++) {
                b = free[rng.nextInt(free.length)];
            }
            if (a != b) {
                swap(d, first, a, b);
            }
        }
    }

    /**
     * Swaps two words, keeping a capitalised sentence start capitalised; {@code first} is
     * {@link #firstWord}, which swapping words never changes, so callers find it once.
     */
    static void swap(Draft d, int first, int a, int b) {
        d.swap(a, b);
        if (a == first || b == first) {
            int other = a == first ? b : a;
            String now = d.text(first);
            String moved = d.text(other);
            if (capitalisedWord(moved) && Character.isLowerCase(now.charAt(0))) {
                d.set(first, Character.toUpperCase(now.charAt(0)) + now.substring(1));
                d.set(other, Character.toLowerCase(moved.charAt(0)) + moved.substring(1));
            }
        }
    }

    private static boolean capitalisedWord(String w) {
        return w.length() > 1 && Character.isUpperCase(w.charAt(0)) && !Casing.isAllUpper(w)
                && !(w.charAt(1) == '\'' || w.charAt(1) == '\u2019');
    }

    /** The index of the first word or number, -1 if there is none. */
    static int firstWord(Draft d) {
        for (int i = 0; i < d.size(); i++) {
            if (d.isWord(i)) {
                return i;
            }
        }
        return -1;
    }

    /** EDA random deletion: each unlocked word goes with probability {@code p}; one word always stays. */
    static void deleteEach(Draft d, double p, RandomGenerator rng) {
        int[] free = d.freeWords();
        boolean[] gone = new boolean[free.length];
        int kept = d.wordCount();
        for (int k = 0; k < free.length; k++) {
            if (rng.nextDouble() < p && kept > 1) {
                gone[k] = true;
                kept--;
            }
        }
        for (int k = free.length - 1; k >= 0; k--) {
            if (gone[k]) {
                d.removeWithSpace(free[k], free[k] + 1);
            }
        }
    }
}
