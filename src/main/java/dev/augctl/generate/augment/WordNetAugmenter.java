package dev.augctl.generate.augment;

import java.util.random.RandomGenerator;

/**
 * Replaces {@code aug_p} of the words by a WordNet synonym, antonym or hypernym (nlpaug's
 * SynonymAug / AntonymAug with the WordNet source), keeping capitalisation and simple inflection.
 */
final class WordNetAugmenter implements Augmenter {
    private final Lexicon lexicon;
    private final Amount amount;
    private final boolean skipStopwords;

    WordNetAugmenter(Lexicon lexicon, Params params) {
        this.lexicon = lexicon;
        this.amount = Amount.of(params, "aug_");
        this.skipStopwords = params.bool("stopwords");
    }

    @Override
    public String augment(String text, Span protect, RandomGenerator rng) {
        Draft d = Draft.of(text, protect);
        int n = amount.count(d.freeWords().length, Integer.MAX_VALUE);
        return WordOps.replace(d, lexicon, n, skipStopwords, rng) == 0 ? text : d.toString();
    }
}
