package dev.augctl.generate.augment;

import java.util.HashMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * nlpaug's TfIdfAug (substitute): words with a low TF-IDF score in the sentence are the likeliest
 * to be chosen (weight 1/score), and each is replaced by a corpus word drawn by TF-IDF.
 */
final class TfIdfAugmenter implements Augmenter {
    private final AugmentResources resources;
    private final Amount amount;
    private final boolean skipStopwords;

    TfIdfAugmenter(AugmentResources resources, Params params) {
        this.resources = resources;
        this.amount = Amount.of(params, "aug_");
        this.skipStopwords = params.bool("stopwords");
    }

    @Override
    public String augment(String text, Span protect, RandomGenerator rng) {
        TfIdfModel model = resources.tfidf();
        if (model.vocabularySize() == 0) {
            return text;
        }
        Draft d = Draft.of(text, protect);
        int[] eligible = WordOps.eligible(d, 1, skipStopwords);
        int k = amount.count(d.freeWords().length, eligible.length);
        if (k == 0) {
            return text;
        }
        // A word's weight is 1 / (its count among the eligible words * its IDF): counted in one pass.
        String[] lower = new String[eligible.length];
        Map<String, Integer> tf = new HashMap<>();
        for (int a = 0; a < eligible.length; a++) {
            lower[a] = Casing.lower(d.text(eligible[a]));
            tf.merge(lower[a], 1, Integer::sum);
        }
        double[] weight = new double[eligible.length];
        for (int a = 0; a < eligible.length; a++) {
            weight[a] = 1.0 / (tf.get(lower[a]) * model.idf(lower[a].replace('\u2019', '\'')));
        }
        for (int round = 0; round < k; round++) {
            int a = draw(weight, rng);
            weight[a] = 0;
            int i = eligible[a];
            String original = d.text(i);
            String r = model.sample(rng);
            for (int tries = 0; tries < 5 && r.equalsIgnoreCase(original); tries++) {
                r = model.sample(rng);
            }
            d.set(i, Casing.match(original, r));
        }
        return d.toString();
    }

    /**
     * An index drawn with probability proportional to its weight. Each round sums the weights again,
     * in index order, because those sums decide which word is chosen (a running total or a sum tree
     * would round differently and change the datasets): that is {@code k * n} work for {@code k}
     * rounds, and {@code k} is at most {@code aug_max} (at most 1000), so it stays linear in the text.
     */
    private static int draw(double[] weight, RandomGenerator rng) {
        double sum = 0;
        for (double w : weight) {
            sum += w;
        }
        double u = rng.nextDouble() * sum;
        int last = 0;
        for (int a = 0; a < weight.length; a++) {
            if (weight[a] > 0) {
                last = a;
                u -= weight[a];
                if (u < 0) {
                    return a;
                }
            }
        }
        return last;
    }
}
