package dev.augctl.generate.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.augctl.common.AugctlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MethodsFileTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("methods.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private String error(String yaml) throws IOException {
        Path f = write(yaml);
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> MethodsFile.load(f));
        assertThat(t).isInstanceOf(AugctlException.class);
        assertThat(((AugctlException) t).exitCode()).isEqualTo(2);
        assertThat(t.getMessage()).contains(f.toString());
        return t.getMessage();
    }

    @Test
    void shippedFileHasAtLeastTwentyEnabledMethodsOfTwentyTypes() {
        List<MethodSpec> specs = MethodsFile.load(Path.of("conf/augment_methods.yaml"));
        List<MethodSpec> enabled = specs.stream().filter(MethodSpec::enabled).toList();
        assertThat(enabled).hasSizeGreaterThanOrEqualTo(20);
        Set<String> types = enabled.stream().map(MethodSpec::type).collect(Collectors.toSet());
        assertThat(types).hasSizeGreaterThanOrEqualTo(20);
        assertThat(MethodTypes.names()).hasSizeGreaterThanOrEqualTo(20).containsAll(types);
        assertThat(specs.get(0).name()).isEqualTo("keyboard");
    }

    @Test
    void paramsAreResolvedWithDefaultsSortedAndCanonicallyTyped() throws IOException {
        List<MethodSpec> specs = MethodsFile.load(write("""
                methods:
                  - name: typo
                    type: keyboard
                    params: {aug_word_p: 1, include_numeric: false}
                  - name: marks
                    type: aeda
                    enabled: false
                  - name: kept
                    type: word_delete
                """));
        assertThat(specs).extracting(MethodSpec::name).containsExactly("typo", "marks", "kept");
        MethodSpec typo = specs.get(0);
        assertThat(typo.enabled()).isTrue();
        assertThat(typo.params()).isInstanceOf(Map.class);
        assertThat(List.copyOf(typo.params().keySet())).isSorted();
        assertThat(typo.params().get("aug_word_p")).isEqualTo(1.0);
        assertThat(typo.params().get("aug_char_max")).isEqualTo(10);
        assertThat(typo.params().get("include_numeric")).isEqualTo(false);
        assertThat(typo.params().get("stopwords")).isEqualTo(false);
        assertThatThrownBy(() -> typo.params().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(specs.get(1).enabled()).isFalse();
        assertThat(specs.get(1).params().get("punctuations")).isEqualTo(List.of(".", ",", "!", "?", ";", ":"));
        assertThat(specs.get(2).params()).isEqualTo(new TreeMap<>(Map.of("aug_p", 0.3, "aug_min", 1, "aug_max", 10,
                "stopwords", false)));
    }

    @Test
    void topLevelListIsAccepted() throws IOException {
        assertThat(MethodsFile.load(write("- {name: a, type: ocr}\n"))).hasSize(1);
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("nope.yaml");
        assertThatThrownBy(() -> MethodsFile.load(f)).isInstanceOf(AugctlException.class)
                .hasMessageContaining("methods file not found").hasMessageContaining(f.toString());
    }

    @Test
    void invalidYamlNamesTheLine() throws IOException {
        assertThat(error("methods:\n  - name: a\n    type: [ocr\n")).contains("invalid YAML").containsPattern(":[34]:");
    }

    @Test
    void unknownTypeSuggestsTheNearest() throws IOException {
        assertThat(error("methods:\n  - name: typo\n    type: keybord\n"))
                .contains(":3:", "method 'typo'", "unknown type 'keybord'", "key 'type'", "did you mean 'keyboard'");
    }

    @Test
    void unknownParameterSuggestsTheNearest() throws IOException {
        assertThat(error("methods:\n  - name: syn\n    type: wordnet_synonym\n    params:\n      aug_pp: 0.2\n"))
                .contains(":5:", "method 'syn'", "unknown parameter 'aug_pp'", "did you mean 'aug_p'");
    }

    @Test
    void wrongTypeNamesKeyAndValue() throws IOException {
        assertThat(error("methods:\n  - name: syn\n    type: wordnet_synonym\n    params: {aug_p: lots}\n"))
                .contains(":4:", "method 'syn'", "parameter 'aug_p' must be a number, got 'lots'");
        assertThat(error("methods:\n  - name: k\n    type: keyboard\n    params: {aug_char_max: 2.5}\n"))
                .contains("parameter 'aug_char_max' must be an integer, got '2.5'");
        assertThat(error("methods:\n  - name: k\n    type: keyboard\n    params: {stopwords: maybe}\n"))
                .contains("parameter 'stopwords' must be true or false");
        assertThat(error("methods:\n  - name: a\n    type: aeda\n    params: {punctuations: '!'}\n"))
                .contains("parameter 'punctuations' must be a list of strings");
        assertThat(error("methods:\n  - name: a\n    type: aeda\n    enabled: sometimes\n"))
                .contains("method 'a'", "key 'enabled' must be true or false, got 'sometimes'");
    }

    @Test
    void outOfRangeValuesAreRejected() throws IOException {
        assertThat(error("methods:\n  - name: syn\n    type: wordnet_synonym\n    params: {aug_p: 1.5}\n"))
                .contains(":4:", "method 'syn'", "parameter 'aug_p' must be in (0, 1], got 1.5");
        assertThat(error("methods:\n  - name: syn\n    type: wordnet_synonym\n    params: {aug_p: 0}\n"))
                .contains("parameter 'aug_p' must be in (0, 1], got 0");
        assertThat(error("methods:\n  - name: s\n    type: word_swap\n    params: {aug_min: 5, aug_max: 2}\n"))
                .contains("method 's'", "'aug_min' (5) must not exceed 'aug_max' (2)");
        assertThat(error("methods:\n  - name: e\n    type: eda\n    params: {alpha_sr: 0, alpha_ri: 0, alpha_rs: 0, p_rd: 0}\n"))
                .contains("method 'e'", "must be above 0");
    }

    @Test
    void duplicateNamesNameBothLines() throws IOException {
        assertThat(error("methods:\n  - name: a\n    type: ocr\n  - name: a\n    type: keyboard\n"))
                .contains(":4:", "method 'a'", "duplicate name", "line 2");
    }

    @Test
    void namesMustBeDirectorySafe() throws IOException {
        assertThat(error("methods:\n  - name: a+b\n    type: ocr\n"))
                .contains(":2:", "key 'name' must match [A-Za-z0-9_-]+", "'a+b'");
        assertThat(error("methods:\n  - name: 'has space'\n    type: ocr\n")).contains("'has space'");
    }

    @Test
    void missingNameOrTypeAndUnknownKeys() throws IOException {
        assertThat(error("methods:\n  - type: ocr\n")).contains(":2:", "method #1", "missing key 'name'");
        assertThat(error("methods:\n  - name: x\n")).contains("method 'x'", "missing key 'type'");
        assertThat(error("methods:\n  - name: x\n    type: ocr\n    parms: {}\n"))
                .contains(":4:", "unknown key 'parms'", "did you mean 'params'");
        assertThat(error("method:\n  - name: x\n    type: ocr\n")).contains(":1:", "unknown key 'method'");
        assertThat(error("methods: []\n")).contains("empty");
        assertThat(error("# nothing\n")).contains("no methods defined");
    }

    @Test
    void dictionaryFilesMustExistBesideTheMethodsFile() throws IOException {
        assertThat(error("methods:\n  - name: sp\n    type: spelling\n"))
                .contains(":3:", "method 'sp'", "parameter 'dictionary'", "file not found",
                        dir.resolve("misspellings.tsv").toString());
        Files.writeString(dir.resolve("mine.tsv"), "because\tbecuase\n");
        List<MethodSpec> ok = MethodsFile.load(write("methods:\n  - {name: sp, type: spelling, params: {dictionary: mine.tsv}}\n"));
        assertThat(ok.get(0).params().get("dictionary")).isEqualTo("mine.tsv");
    }
}
