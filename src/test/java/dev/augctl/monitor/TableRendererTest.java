package dev.augctl.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRendererTest {
    private static ShardRow row(int shard, Status st, Double progress, int done, Integer total, String current, Long eta, long rows) {
        return new ShardRow(shard, st, progress, done, total, current, eta, rows, null, null, null,
                st == Status.FAILED ? "Traceback: boom" : null, null, null, st == Status.FAILED ? 1 : null, null, "x.log");
    }

    private static Snapshot snapshot(List<ShardRow> rows) {
        return new Snapshot("2026-11-28T20:31:05Z", "logs/augment", null, rows,
                new Summary(rows.size(), 1, 1, 0, 1, 1, 0, 4690, 1125L));
    }

    @Test
    void seedLikeRowsWithUtf8Marks() {
        List<String> lines = new TableRenderer(false, false, ZoneOffset.UTC).lines(snapshot(List.of(
                row(0, Status.RUNNING, 45.2, 12, 27, "nlp_wordnet_syn", 1125L, 1234),
                row(1, Status.SUCCEEDED, 100.0, 27, 27, null, 0L, 3456),
                row(2, Status.FAILED, 10.0, 1, 27, null, null, 0),
                row(3, Status.PENDING, null, 0, null, null, null, 0))));
        assertThat(lines.get(0)).isEqualTo("augctl monitor logs/augment (logs only) at 2026-11-28 20:31:05");
        assertThat(lines.get(1)).isEqualTo("▶ Shard 0 |  45.2% | Combos: 12/27 | Current: nlp_wordnet_syn | ETA: 0:18:45  | Rows: 1,234");
        assertThat(lines.get(2)).isEqualTo("✓ Shard 1 | 100.0% | Combos: 27/27 | Current: -               | ETA: Complete | Rows: 3,456");
        assertThat(lines.get(3)).startsWith("✗ Shard 2 |  10.0% | Combos:  1/27").endsWith("| exit 1: Traceback: boom");
        assertThat(lines.get(4)).startsWith("⏸ Shard 3 |      - | Combos:  0/? ");
        assertThat(lines.get(5)).isEqualTo("Completed 1/4 | Running 1 | Failed 1 | Pending 1 | Stalled 0 | Rows 4,690 | ETA 0:18:45");
    }

    @Test
    void asciiMarksAndColours() {
        List<String> plain = new TableRenderer(false, true, ZoneOffset.UTC).lines(snapshot(List.of(row(0, Status.STALLED, 1.0, 0, 1, "a", null, 0))));
        assertThat(plain.get(1)).startsWith("! Shard 0").contains("no output");
        List<String> colour = new TableRenderer(true, true, ZoneOffset.UTC).lines(snapshot(List.of(row(0, Status.SUCCEEDED, 100.0, 1, 1, null, 0L, 0))));
        assertThat(colour.get(1)).startsWith("\u001b[32m+\u001b[0m Shard 0");
    }

    @Test
    void twoHundredShardsOneLineEachWithAlignedColumns() {
        List<ShardRow> rows = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            rows.add(row(i, Status.RUNNING, i / 2.0, i % 30, 30, "combo_" + i, 100L * i, 1000L * i));
        }
        List<String> lines = new TableRenderer(false, true, ZoneOffset.UTC).lines(snapshot(rows));
        assertThat(lines).hasSize(202);
        assertThat(lines.get(1)).startsWith("> Shard   0 |   0.0% | Combos:  0/30 | Current: combo_0   | ETA: 0:00:00");
        assertThat(lines.subList(1, 201).stream().map(l -> l.indexOf("| Rows")).distinct()).hasSize(1);
        assertThat(lines.subList(1, 201).stream().map(String::length).distinct()).hasSize(1);
    }

    @Test
    void longNamesAreCutAndDurationsAndBytesAreReadable() {
        List<String> lines = new TableRenderer(false, false, ZoneOffset.UTC).lines(snapshot(List.of(
                row(0, Status.RUNNING, 1.0, 0, 1, "combo_2_" + "x".repeat(60), 400_000L, 0))));
        assertThat(lines.get(1)).contains("combo_2_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx… |").contains("ETA: 111:06:40");
        assertThat(TableRenderer.bytes(312L * 1024 * 1024)).isEqualTo("312.0 MiB");
        assertThat(TableRenderer.bytes(900)).isEqualTo("900 B");
    }

    @Test
    void ansiCutKeepsEscapesAndCountsVisibleChars() {
        assertThat(Ansi.cut("\u001b[31mabcdef\u001b[0m", 3)).isEqualTo("\u001b[31mabc\u001b[0m");
        assertThat(Ansi.cut("abc", 5)).isEqualTo("abc");
    }
}
