package dev.augctl.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.augctl.common.AugctlException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PatternSetTest {
    @TempDir
    Path dir;

    private Path file(String yaml) throws IOException {
        Path p = dir.resolve("monitor.yaml");
        Files.writeString(p, yaml);
        return p;
    }

    private void rejects(String yaml, String... parts) throws IOException {
        Path p = file(yaml);
        assertThatThrownBy(() -> PatternSet.load(p, true))
                .isInstanceOf(AugctlException.class)
                .satisfies(e -> assertThat(((AugctlException) e).exitCode()).isEqualTo(2))
                .hasMessageContaining(p.toString())
                .hasMessageContaining(String.join("", parts[0]))
                .satisfies(e -> {
                    for (String part : parts) {
                        assertThat(e.getMessage()).contains(part);
                    }
                });
    }

    @Test
    void shippedFileIsTheBuiltInSet() throws IOException {
        try (InputStream in = PatternSet.class.getResourceAsStream(PatternSet.DEFAULTS_RESOURCE)) {
            assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8))
                    .isEqualTo(Files.readString(Path.of("conf/monitor.yaml")));
        }
        assertThat(PatternSet.load(Path.of("conf/monitor.yaml"), true).get(PatternSet.Kind.PROGRESS)).hasSize(3);
    }

    @Test
    void pythonSetLoads() {
        PatternSet p = PatternSet.load(Path.of("conf/monitor-python.yaml"), true);
        assertThat(p.get(PatternSet.Kind.COMBO_DONE).get(0).regex()).startsWith("Saved ");
    }

    @Test
    void absentDefaultFileMeansBuiltInsButAnAbsentExplicitFileIsAnError() {
        assertThat(PatternSet.load(dir.resolve("none.yaml"), false).source()).isEqualTo("built-in patterns");
        assertThatThrownBy(() -> PatternSet.load(dir.resolve("none.yaml"), true))
                .hasMessageContaining("monitor patterns file not found").hasMessageContaining("none.yaml");
    }

    @Test
    void keysLeftOutTakeTheBuiltInsAndAnEmptyListSwitchesOff() throws IOException {
        PatternSet p = PatternSet.load(file("shard_complete: 'All done'\nerror: []\n"), true);
        assertThat(p.get(PatternSet.Kind.SHARD_COMPLETE)).extracting(LinePattern::regex).containsExactly("All done");
        assertThat(p.get(PatternSet.Kind.ERROR)).isEmpty();
        assertThat(p.get(PatternSet.Kind.COMBO_START)).isNotEmpty();
    }

    @Test
    void invalidRegexNamesKeyAndFile() throws IOException {
        rejects("progress:\n  - 'ok (?<percent>\\d+)%'\n  - 'broken (?<done>\\d+'\n", "pattern 'progress' [1]", "invalid regex");
    }

    @Test
    void unknownGroupIsNamed() throws IOException {
        rejects("combo_done: 'done (?<rowz>\\d+)'\n", "pattern 'combo_done'", "unknown group 'rowz'", "allowed: index, name, rows, total");
    }

    @Test
    void missingRequiredGroupIsNamed() throws IOException {
        rejects("assigned: 'assigned \\d+ combos'\n", "pattern 'assigned'", "missing group (?<total>...)");
        rejects("progress: '(?<done>\\d+) of \\d+'\n", "pattern 'progress'", "(?<done>...) and (?<total>...), or (?<percent>...)");
    }

    @Test
    void unknownKeySuggestsTheNearest() throws IOException {
        rejects("combo_strat: 'x (?<name>\\S+)'\n", "unknown pattern key 'combo_strat'", "did you mean 'combo_start'?");
    }

    @Test
    void wrongShapes() throws IOException {
        rejects("- a\n- b\n", "expected a mapping");
        rejects("error: {a: 1}\n", "pattern 'error' must be a regex or a list");
        rejects("error: [1]\n", "every entry must be a string");
    }

    @Test
    void errorsNameTheLineOfTheEntry() throws IOException {
        rejects("shard_complete: 'done'\nprogress:\n  - 'ok (?<percent>\\d+)%'\n  - 'broken (?<done>\\d+'\n",
                ": line 4: pattern 'progress' [1]: invalid regex");
        rejects("error: 'x'\ncombo_strat: 'x (?<name>\\S+)'\n", ": line 2: unknown pattern key 'combo_strat'");
        rejects("error: 'x'\nerror: 'y'\n", ": line 2: pattern 'error' is given twice");
        rejects("error: 'x'\nprogress: [\n", ": line 3, column 1: invalid YAML");
    }
}
