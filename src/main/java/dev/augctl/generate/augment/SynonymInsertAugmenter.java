package dev.augctl.generate.augment;

import java.util.random.RandomGenerator;

/** EDA's random insertion: synonyms of random words inserted at random positions. */
final class SynonymInsertAugmenter implements Augmenter {
    private final Lexicon lexicon;
    private final Amount amount;
    private final boolean skipStopwords;

    SynonymInsertAugmenter(Lexicon lexicon, Params params) {
        this.lexicon = lexicon;
        this.amount = Amount.of(params, "aug_");
        this.skipStopwords = params.bool("stopwords");
    }

    @Override
    public String augment(String text, Span protect, RandomGenerator rng) {
        Draft d = Draft.of(text, protect);
        int n = amount.count(d.wordCount(), Integer.MAX_VALUE);
        return WordOps.insertSynonyms(d, lexicon, n, skipStopwords, rng) == 0 ? text : d.toString();
    }
}
