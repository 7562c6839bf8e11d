package dev.augctl.generate.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The replacement candidates one WordNet method uses for a word: related lemmas from the first
 * {@code max_senses} senses, inflected like the word. Memoised per word in a bounded map.
 */
final class Lexicon {
    private static final String[] NONE = new String[0];
    private static final int CACHE_LIMIT = 100_000;

    private final AugmentResources resources;
    private final WordNet.Relation relation;
    private final int maxSenses;
    private final Map<String, String[]> cache = new ConcurrentHashMap<>();

    Lexicon(AugmentResources resources, WordNet.Relation relation, int maxSenses) {
        this.resources = resources;
        this.relation = relation;
        this.maxSenses = maxSenses;
    }

    /** Candidates for {@code word} (any case), lower case, never the word itself; may be empty. */
    String[] candidates(String word) {
        String[] c = cache.get(word);
        if (c == null) {
            c = compute(word);
            if (cache.size() < CACHE_LIMIT) {
                cache.putIfAbsent(word, c);
            }
        }
        return c;
    }

    private String[] compute(String word) {
        if (!hasLetter(word)) {
            return NONE;
        }
        List<String> out = new ArrayList<>();
        String lower = Casing.lower(word);
        for (WordNet.Candidate c : resources.wordNet().candidates(word, relation)) {
            if (c.senseRank() < maxSenses) {
                String form = WordNet.inflect(c.lemma(), c.inflection());
                if (!form.equals(lower) && !out.contains(form)) {
                    out.add(form);
                }
            }
        }
        return out.isEmpty() ? NONE : out.toArray(NONE);
    }

    private static boolean hasLetter(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetter(w.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
