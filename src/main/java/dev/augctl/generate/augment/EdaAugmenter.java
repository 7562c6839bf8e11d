package dev.augctl.generate.augment;

import java.util.random.RandomGenerator;

/**
 * EDA (Wei and Zou, 2019): synonym replacement (SR), random insertion (RI), random swap (RS) and
 * random deletion (RD). As in the paper each variant applies one operation, chosen uniformly among
 * those with a non-zero rate; {@code combine: true} applies all of them in sequence instead.
 * n = max(1, alpha * words) for SR, RI and RS; RD drops each word with probability p_rd.
 */
final class EdaAugmenter implements Augmenter {
    private final Lexicon lexicon;
    private final double alphaSr;
    private final double alphaRi;
    private final double alphaRs;
    private final double pRd;
    private final boolean combine;
    private final boolean skipStopwords;

    EdaAugmenter(Lexicon lexicon, Params params) {
        this.lexicon = lexicon;
        this.alphaSr = params.dbl("alpha_sr");
        this.alphaRi = params.dbl("alpha_ri");
        this.alphaRs = params.dbl("alpha_rs");
        this.pRd = params.dbl("p_rd");
        this.combine = params.bool("combine");
        this.skipStopwords = params.bool("stopwords");
    }

    @Override
    public String augment(String text, Span protect, RandomGenerator rng) {
        Draft d = Draft.of(text, protect);
        double[] rates = {alphaSr, alphaRi, alphaRs, pRd};
        if (combine) {
            for (int op = 0; op < 4; op++) {
                if (rates[op] > 0) {
                    apply(d, op, rates[op], rng);
                }
            }
        } else {
            int active = 0;
            for (double r : rates) {
                active += r > 0 ? 1 : 0;
            }
            if (active == 0) {
                return text;
            }
            int pick = rng.nextInt(active);
            for (int op = 0; op < 4; op++) {
                if (rates[op] > 0 && pick-- == 0) {
                    apply(d, op, rates[op], rng);
                }
            }
        }
        return d.toString();
    }

    private void apply(Draft d, int op, double rate, RandomGenerator rng) {
        int n = Math.max(1, (int) (rate * d.wordCount()));
        switch (op) {
            case 0 -> WordOps.replace(d, lexicon, n, skipStopwords, rng);
            case 1 -> WordOps.insertSynonyms(d, lexicon, n, false, rng);
            case 2 -> WordOps.swapRandom(d, n, rng);
            default -> WordOps.deleteEach(d, rate, rng);
        }
    }
}
