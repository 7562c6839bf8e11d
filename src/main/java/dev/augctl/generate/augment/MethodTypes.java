package dev.augctl.generate.augment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Every method type the built-in worker knows, with its parameters and defaults. */
public final class MethodTypes {
    private static final Map<String, MethodType> TYPES = build();

    private MethodTypes() {
    }

    /** The type names, sorted. */
    public static List<String> names() {
        return List.copyOf(TYPES.keySet());
    }

    static MethodType get(String name) {
        return TYPES.get(name);
    }

    static List<MethodType> all() {
        return List.copyOf(TYPES.values());
    }

    private static Map<String, MethodType> build() {
        Map<String, MethodType> m = new TreeMap<>();
        add(m, "keyboard", "char", "QWERTY-neighbour typos inside words",
                chars(ParamDef.bool("include_numeric", true, "digits may be typed for letters")),
                (p, r) -> new CharAugmenter(CharEdit.keyboard(p.bool("include_numeric")), p));
        add(m, "ocr", "char", "OCR confusions such as 0/o, 1/l, rn/m, cl/d", chars(),
                (p, r) -> new CharAugmenter(CharEdit.ocr(), p));
        add(m, "char_insert", "char", "random characters inserted inside words", chars(alphabetParams()),
                (p, r) -> new CharAugmenter(CharEdit.insert(alphabet(p)), p));
        add(m, "char_substitute", "char", "random characters substituted inside words", chars(alphabetParams()),
                (p, r) -> new CharAugmenter(CharEdit.substitute(alphabet(p)), p));
        add(m, "char_swap", "char", "adjacent characters swapped inside words", chars(),
                (p, r) -> new CharAugmenter(CharEdit.swap(), p));
        add(m, "char_delete", "char", "random characters deleted inside words", chars(),
                (p, r) -> new CharAugmenter(CharEdit.delete(), p));

        add(m, "wordnet_synonym", "word", "words replaced by WordNet synonyms",
                words(0.3, true, senses(3)), (p, r) -> new WordNetAugmenter(lexicon(r, WordNet.Relation.SYNONYM, p), p));
        add(m, "wordnet_antonym", "word", "words replaced by WordNet antonyms",
                words(0.3, true, senses(5)), (p, r) -> new WordNetAugmenter(lexicon(r, WordNet.Relation.ANTONYM, p), p));
        add(m, "wordnet_hypernym", "word", "words replaced by WordNet hypernyms (more general terms)",
                words(0.3, true, senses(2)), (p, r) -> new WordNetAugmenter(lexicon(r, WordNet.Relation.HYPERNYM, p), p));
        add(m, "synonym_insert", "word", "EDA random insertion: synonyms of random words inserted at random positions",
                words(0.1, true, senses(3)), (p, r) -> new SynonymInsertAugmenter(lexicon(r, WordNet.Relation.SYNONYM, p), p));
        add(m, "word_swap", "word", "words swapped with a neighbouring word", words(0.3, false),
                (p, r) -> new RandomWordAugmenter(RandomWordAugmenter.Action.SWAP, p));
        add(m, "word_delete", "word", "random words deleted", words(0.3, false),
                (p, r) -> new RandomWordAugmenter(RandomWordAugmenter.Action.DELETE, p));
        add(m, "word_crop", "word", "a contiguous run of words deleted", words(0.3, false),
                (p, r) -> new RandomWordAugmenter(RandomWordAugmenter.Action.CROP, p));
        add(m, "word_split", "word", "words split in two at a random position",
                words(0.3, false, ParamDef.integer("min_char", 4, 2, 100, "shortest word split")),
                (p, r) -> new SplitAugmenter(p));
        add(m, "spelling", "word", "common misspellings from a table",
                words(0.3, false, ParamDef.path("dictionary", "misspellings.tsv",
                        "TSV of correct<TAB>misspelling, relative to the methods file")),
                (p, r) -> new SpellingAugmenter(r.wordTable(r.resolve(p.string("dictionary"))), p));
        add(m, "tfidf", "word", "low-TF-IDF words replaced by corpus words sampled by TF-IDF", words(0.3, true),
                (p, r) -> new TfIdfAugmenter(r, p));
        add(m, "contraction_expand", "word", "contractions expanded (can't -> cannot, I'm -> I am)", counts(1.0),
                (p, r) -> new ContractionAugmenter(true, p));
        add(m, "contraction_contract", "word", "phrases contracted (cannot -> can't, I am -> I'm)", counts(1.0),
                (p, r) -> new ContractionAugmenter(false, p));
        add(m, "number_perturb", "word", "numbers changed by a bounded relative amount",
                counts(1.0, ParamDef.fraction("max_rel_change", 0.2, "largest relative change (plus one unit)")),
                (p, r) -> new NumberAugmenter(p));
        add(m, "reserved_token", "word", "terms replaced by interchangeable terms of a dictionary",
                counts(0.5, ParamDef.path("dictionary", "reserved_tokens.yaml",
                        "YAML 'groups' of interchangeable terms, relative to the methods file")),
                (p, r) -> new ReservedTokenAugmenter(r.reservedTokens(r.resolve(p.string("dictionary"))), p));

        add(m, "eda", "sentence", "EDA: one of synonym replacement, random insertion, swap, deletion",
                List.of(ParamDef.unit("alpha_sr", 0.1, "synonym replacement rate"),
                        ParamDef.unit("alpha_ri", 0.1, "random insertion rate"),
                        ParamDef.unit("alpha_rs", 0.1, "random swap rate"),
                        ParamDef.unit("p_rd", 0.1, "random deletion probability"),
                        ParamDef.bool("combine", false, "apply all four operations instead of one"),
                        ParamDef.bool("stopwords", true, "synonym replacement leaves stop words alone"),
                        senses(3)),
                (p, r) -> new EdaAugmenter(lexicon(r, WordNet.Relation.SYNONYM, p), p));
        add(m, "aeda", "sentence", "AEDA: punctuation marks inserted between words",
                List.of(ParamDef.strings("punctuations", List.of(".", ",", "!", "?", ";", ":"), "marks to insert"),
                        ParamDef.fraction("punc_ratio", 1.0 / 3, "at most this fraction of the words get a mark")),
                (p, r) -> new AedaAugmenter(p));
        return Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, MethodType> m, String name, String level, String summary,
            List<ParamDef> params, MethodType.Factory factory) {
        m.put(name, new MethodType(name, level, summary, List.copyOf(params), factory));
    }

    private static Lexicon lexicon(AugmentResources r, WordNet.Relation relation, Params p) {
        return new Lexicon(r, relation, p.integer("max_senses"));
    }

    private static ParamDef senses(int def) {
        return ParamDef.integer("max_senses", def, 1, 100, "only the first N WordNet senses (most frequent first)");
    }

    private static List<ParamDef> alphabetParams() {
        return List.of(ParamDef.bool("include_upper_case", false, "random characters may be upper case"),
                ParamDef.bool("include_numeric", false, "random characters may be digits"));
    }

    private static char[] alphabet(Params p) {
        return CharEdit.alphabet(p.bool("include_upper_case"), p.bool("include_numeric"));
    }

    private static List<ParamDef> chars(ParamDef... extra) {
        return chars(List.of(extra));
    }

    private static List<ParamDef> chars(List<ParamDef> extra) {
        List<ParamDef> l = new ArrayList<>(List.of(
                ParamDef.fraction("aug_char_p", 0.3, "fraction of a chosen word's characters to change"),
                ParamDef.integer("aug_char_min", 1, 0, 1000, "fewest characters changed per word"),
                ParamDef.integer("aug_char_max", 10, 1, 1000, "most characters changed per word"),
                ParamDef.fraction("aug_word_p", 0.3, "fraction of the words to change"),
                ParamDef.integer("aug_word_min", 1, 0, 1000, "fewest words changed"),
                ParamDef.integer("aug_word_max", 10, 1, 1000, "most words changed"),
                ParamDef.integer("min_char", 4, 1, 100, "shortest word changed"),
                ParamDef.bool("stopwords", false, "leave stop words alone")));
        l.addAll(extra);
        return l;
    }

    private static List<ParamDef> words(double p, boolean stopwords, ParamDef... extra) {
        List<ParamDef> l = new ArrayList<>(counts(p));
        l.add(ParamDef.bool("stopwords", stopwords, "leave stop words alone"));
        l.addAll(List.of(extra));
        return l;
    }

    private static List<ParamDef> counts(double p, ParamDef... extra) {
        List<ParamDef> l = new ArrayList<>(List.of(
                ParamDef.fraction("aug_p", p, "fraction of the units to change"),
                ParamDef.integer("aug_min", 1, 0, 1000, "fewest units changed"),
                ParamDef.integer("aug_max", 10, 1, 1000, "most units changed")));
        l.addAll(List.of(extra));
        return l;
    }
}
