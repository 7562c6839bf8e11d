package dev.augctl.generate.augment;

import static org.assertj.core.api.Assertions.assertThat;

import net.sf.extjwnl.data.POS;
import org.junit.jupiter.api.Test;

class WordNetTest {
    @Test
    void dictionaryIsLoadedOncePerProcess() {
        WordNet a = WordNet.shared();
        assertThat(WordNet.shared()).isSameAs(a);
        assertThat(new AugmentResources(null, null).wordNet()).isSameAs(a);
        assertThat(a.dictionary()).isNotNull();
    }

    @Test
    void baseFormsComeFromTheMorphologicalProcessor() {
        assertThat(WordNet.shared().baseForms("tired")).contains("tire", "tired");
        assertThat(WordNet.shared().baseForms("nights")).contains("night");
    }

    @Test
    void candidatesKeepTheSurfaceFormClass() {
        Lexicon synonyms = new Lexicon(Samples.RESOURCES, WordNet.Relation.SYNONYM, 3);
        assertThat(synonyms.candidates("thoughts")).isNotEmpty().allMatch(w -> w.endsWith("s"));
        assertThat(synonyms.candidates("happy")).contains("glad").doesNotContain("happy");
        assertThat(synonyms.candidates("the")).isEmpty();
        assertThat(synonyms.candidates("3")).isEmpty();
    }

    @Test
    void regularInflection() {
        assertThat(WordNet.inflect("try", WordNet.Inflection.S_FORM)).isEqualTo("tries");
        assertThat(WordNet.inflect("box", WordNet.Inflection.S_FORM)).isEqualTo("boxes");
        assertThat(WordNet.inflect("day", WordNet.Inflection.S_FORM)).isEqualTo("days");
        assertThat(WordNet.inflect("hope", WordNet.Inflection.ED_FORM)).isEqualTo("hoped");
        assertThat(WordNet.inflect("cry", WordNet.Inflection.ED_FORM)).isEqualTo("cried");
        assertThat(WordNet.inflect("make", WordNet.Inflection.ING_FORM)).isEqualTo("making");
        assertThat(WordNet.inflect("lie", WordNet.Inflection.ING_FORM)).isEqualTo("lying");
        assertThat(WordNet.inflection("stopped", "stop", POS.VERB)).isEqualTo(WordNet.Inflection.ED_FORM);
        assertThat(WordNet.inflection("felt", "feel", POS.VERB)).isNull();
        assertThat(WordNet.inflection("dogs", "dog", POS.NOUN)).isEqualTo(WordNet.Inflection.S_FORM);
    }
}
