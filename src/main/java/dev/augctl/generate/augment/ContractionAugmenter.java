package dev.augctl.generate.augment;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * CheckList's contraction perturbations: {@code expand} turns "can't" into "cannot" and "I'm" into
 * "I am"; {@code contract} does the reverse. Capitalisation and the apostrophe style are kept.
 */
final class ContractionAugmenter implements Augmenter {
    private final boolean expand;
    private final Amount amount;

    ContractionAugmenter(boolean expand, Params params) {
        this.expand = expand;
        this.amount = Amount.of(params, "aug_");
    }

    @Override
    public String augment(String text, Span protect, RandomGenerator rng) {
        Draft d = Draft.of(text, protect);
        int[] at = new int[d.size()];
        int[] len = new int[d.size()];
        String[] to = new String[d.size()];
        int n = 0;
        boolean typographic = text.indexOf('\u2019') >= 0; // then contractions use that apostrophe too
        for (int i = 0; i < d.size(); i++) {
            if (d.kind(i) != Draft.WORD || d.locked(i)) {
                continue;
            }
            String w = Casing.lower(d.text(i)).replace('\u2019', '\'');
            String r = expand ? Contractions.EXPAND.get(w) : Contractions.CONTRACT.get(w);
            int pieces = 1;
            if (r == null && !expand && i + 2 < d.size() && d.kind(i + 1) == Draft.SPACE
                    && " ".equals(d.text(i + 1)) && !d.locked(i + 1) && d.isFreeWord(i + 2)) {
                r = Contractions.CONTRACT.get(w + ' ' + Casing.lower(d.text(i + 2)));
                pieces = 3;
            }
            if (r != null) {
                at[n] = i;
                len[n] = pieces;
                to[n++] = expand || !typographic ? r : r.replace('\'', '\u2019');
                i += pieces - 1;
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
            int m = chosen[c];
            String original = d.text(at[m]);
            d.set(at[m], Casing.match(original + (len[m] > 1 ? " " + d.text(at[m] + 2) : ""), to[m]));
            if (len[m] > 1) {
                d.remove(at[m] + 1, at[m] + len[m]);
            }
        }
        return d.toString();
    }
}
