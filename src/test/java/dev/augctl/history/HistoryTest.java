package dev.augctl.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history file (append, cap, corrupt lines) and the estimator's rules. */
class HistoryTest {
    @TempDir
    Path dir;

    private static HistoryEntry combo(String name, String methods, String sha, long inputRows, double seconds) {
        return new HistoryEntry(HistoryEntry.COMBO, "2026-11-30T00:00:00Z", "r", "h", "w", name, methods, sha, inputRows,
                0, 1, seconds, 10L);
    }

    @Test
    void appendsAndReadsBack_missingIsEmptyAndSilent() throws IOException {
        HistoryFile f = HistoryFile.in(dir);
        List<String> warnings = new ArrayList<>();
        assertThat(f.read(warnings::add)).isEmpty();
        assertThat(warnings).isEmpty();
        HistoryEntry e = combo("combo_1_a", "a", "abc", 100, 1.5);
        f.append(List.of(e));
        f.append(List.of(combo("combo_1_b", "b", "abc", 100, 2)));
        assertThat(f.read(warnings::add)).containsExactly(e, combo("combo_1_b", "b", "abc", 100, 2.0));
        assertThat(Files.readAllLines(f.path()).get(0)).startsWith("{\"kind\":\"combo\",\"time\":");
        assertThat(warnings).isEmpty();
    }

    @Test
    void boundedTheOldestLinesGo() throws IOException {
        HistoryFile f = HistoryFile.in(dir);
        List<HistoryEntry> many = new ArrayList<>();
        for (int i = 0; i < HistoryFile.CAP + 5; i++) {
            many.add(combo("c" + i, "m", "s", 1, i));
        }
        f.append(many);
        List<HistoryEntry> read = f.read(w -> { });
        assertThat(read).hasSize(HistoryFile.CAP);
        assertThat(read.get(0).combo()).isEqualTo("c5");
    }

    @Test
    void corruptLinesAreSkippedWithOneWarning() throws IOException {
        HistoryFile f = HistoryFile.in(dir);
        f.append(List.of(combo("ok", "m", "s", 1, 3)));
        Files.writeString(f.path(), "garbage\n{\"kind\":\"nope\",\"seconds\":1}\n[1,2]\n", java.nio.file.StandardOpenOption.APPEND);
        List<String> warnings = new ArrayList<>();
        assertThat(f.read(warnings::add)).extracting(HistoryEntry::combo).containsExactly("ok");
        assertThat(warnings).containsExactly(f.path() + " line 2: not a JSON object; 3 unreadable line(s) ignored");
    }

    @Test
    void estimatesOwnThenScaledThenMethodMeanThenMedian() {
        Estimator e = new Estimator(List.of(
                combo("combo_1_a", "a", "in1", 100, 10), combo("combo_1_a", "a", "in1", 100, 12),
                combo("combo_1_a", "a", "in1", 100, 30),
                combo("combo_1_b", "b", "in0", 50, 4),
                combo("combo_x", "c", "in0", 100, 6), combo("combo_y", "c", "in0", 100, 8),
                new HistoryEntry(HistoryEntry.COMBO, null, null, null, "other", "combo_1_a", "a", "in1", 100L, 0, 1, 999, null)),
                "w");
        assertThat(e.combo("combo_1_a", "a", "in1", 100L)).hasValue(new Estimator.Estimate(12, "own"));
        assertThat(e.combo("combo_1_a", "a", "in2", 200L)).hasValue(new Estimator.Estimate(24, "scaled"));
        assertThat(e.combo("combo_1_b", "b", "in1", 100L)).hasValue(new Estimator.Estimate(8, "scaled"));
        assertThat(e.combo("combo_z", "c", "in1", 200L)).hasValue(new Estimator.Estimate(14, "method"));
        assertThat(e.combo("combo_2_b+c", "b+c", "in0", 100L)).hasValue(new Estimator.Estimate(15, "method"));
        assertThat(e.combo("combo_new", "new", "in0", 100L).orElseThrow().source()).isEqualTo("median");
        assertThat(new Estimator(List.of(), "w").combo("combo_1_a", "a", "in1", 100L)).isEmpty();
    }

    @Test
    void lptPutsTheLongestFirstAndUnknownsAtTheMedian() {
        assertThat(LptOrder.of(List.of(0, 1, 2, 3, 4), Map.of(0, 1.0, 1, 5.0, 2, 3.0, 4, 9.0)))
                .containsExactly(4, 1, 3, 2, 0); // 3 has no estimate: the median of the others, 4
    }
}
