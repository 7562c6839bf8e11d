package dev.augctl.generate.augment;

import java.util.random.RandomGenerator;

/** EDA's random insertion: synonyms of random words inserted at random positions. */
final class SynonymInsertAugmenter implements Augmenter {
    private final Lexicon lexicon;
    private final double p;
    private final int min;
    private final int max;
    private final boolean skipStopwords;

    SynonymInsertAugmenter(Lexicon lexicon, Params params) {
        this.lexicon = lexicon;
        this.p = params.dbl("aug_p");
        this.min = params.integer("aug_min");
        this.max = params.integer("aug_max");
        this.skipStopwords = params.bool("stopwords");
    }

    @Override
    public String augment(String text, Span protect, RandomGenerator rng) {
        Draft d = Draft.of(text, protect);
        int n = Picks.count(p, min, max, d.wordCount(), Integer.MAX_VALUE);
        return WordOps.insertSynonyms(d, lexicon, n, skipStopwords, rng) == 0 ? text : d.toString();
    }
}
