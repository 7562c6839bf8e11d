package dev.augctl.generate.augment;

import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;

/** Replaces terms of the reserved-token dictionary by another term of the same group. */
final class ReservedTokenAugmenter implements Augmenter {
    private final ReservedTokens tokens;
    private final Amount amount;

    ReservedTokenAugmenter(ReservedTokens tokens, Params params) {
        this.tokens = tokens;
        this.amount = Amount.of(params, "aug_");
    }

    @Override
    public String augment(String text, Span protect, RandomGenerator rng) {
        Draft d = Draft.of(text, protect);
        int[] at = new int[d.size()];
        ReservedTokens.Term[] found = new ReservedTokens.Term[d.size()];
        int n = 0;
        for (int i = 0; i < d.size(); i++) {
            if (!d.isFreeWord(i)) {
                continue;
            }
            for (ReservedTokens.Term t : tokens.startingWith(norm(d.text(i)))) {
                if (matches(d, i, t.words())) {
                    at[n] = i;
                    found[n++] = t;
                    i += 2 * (t.words().length - 1);
                    break;
                }
            }
        }
        int k = amount.count(n, n);
        if (k == 0) {
            return text;
        }
        int[] all = new int[n];
        Arrays.setAll(all, x -> x);
        int[] chosen = Picks.choose(all, k, rng);
        for (int c = chosen.length - 1; c >= 0; c--) {
            int i = at[chosen[c]];
            ReservedTokens.Term t = found[chosen[c]];
            List<String> group = tokens.group(t.group());
            int r = rng.nextInt(group.size() - 1);
            String replacement = group.get(r >= t.member() ? r + 1 : r);
            d.set(i, Casing.match(d.text(i), replacement));
            d.remove(i + 1, i + 2 * (t.words().length - 1) + 1);
        }
        return d.toString();
    }

    private static boolean matches(Draft d, int i, String[] words) {
        for (int w = 1; w < words.length; w++) {
            int s = i + 2 * w - 1;
            if (s + 1 >= d.size() || d.locked(s) || !" ".equals(d.text(s)) || !d.isFreeWord(s + 1)
                    || !norm(d.text(s + 1)).equals(words[w])) {
                return false;
            }
        }
        return true;
    }

    private static String norm(String w) {
        return Casing.lower(w).replace('\u2019', '\'');
    }
}
