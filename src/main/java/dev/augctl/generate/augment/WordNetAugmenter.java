package dev.augctl.generate.augment;

import java.util.random.RandomGenerator;

/**
 * Replaces {@code aug_p} of the words by a WordNet synonym, antonym or hypernym (nlpaug's
 * SynonymAug / AntonymAug with the WordNet source), keeping capitalisation and simple inflection.
 */
final class WordNetAugmenter implements Augmenter {
    private final Lexicon lexicon;
    private final double p;
    private final int min;
    private final int max;
    private final boolean skipStopwords;

    WordNetAugmenter(Lexicon lexicon, Params params) {
        this.lexicon = lexicon;
        this.p = params.dbl("aug_p");
        this.min = params.integer("aug_min");
        this.max = params.integer("aug_max");
        this.skipStopwords = params.bool("stopwords");
    }

    @Override
    public String augment(String text, Span protect, RandomGenerator rng) {
        Draft d = Draft.of(text, protect);
        int n = Picks.count(p, min, max, d.freeWords().length, Integer.MAX_VALUE);
        return WordOps.replace(d, lexicon, n, skipStopwords, rng) == 0 ? text : d.toString();
    }
}
