package dev.augctl.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableRendererTest {
    private static ShardRow row(int shard, Status st, Double progress, int done, Integer total, String current, Long eta, long rows) {
        return new ShardRow(shard, st, progress, done, total, current, eta == null ? null : eta.doubleValue(), rows, null, null, null,
                st == Status.FAILED ? "Traceback: boom" : null, null, null, st == Status.FAILED ? 1 : null, null, "x.log");
    }

    private static Snapshot snapshot(List<ShardRow> rows) {
        return new Snapshot("2026-11-28T20:31:05Z", "logs/augment", null, rows,
                new Summary(rows.size(), 1, 1, 0, 0, 1, 1, 0, 4690, 1125.0, 0, null));
    }

    @Test
    void seedLikeRowsWithUtf8Marks() {
        List<String> lines = new TableRenderer(false, false, ZoneOffset.UTC).lines(snapshot(List.of(
                row(0, Status.RUNNING, 45.2, 12, 27, "nlp_wordnet_syn", 1125L, 1234),
                row(1, Status.SUCCEEDED, 100.0, 27, 27, null, 0L, 3456),
                row(2, Status.FAILED, 10.0, 1, 27, null, null, 0),
                row(3, Status.PENDING, null, 0, null, null, null, 0))));
        assertThat(lines.get(0)).isEqualTo("augctl monitor logs/augment (logs only) at 2026-11-28 20:31:05");
        assertThat(lines.get(1)).isEqualTo("▶ Shard 0 |  45.2% | Combos: 12/27 | Current: nlp_wordnet_syn                  "
                + "| ETA: 0:18:45  | Rows:   1234 | CPU:     - | Mem:         -");
        assertThat(lines.get(2)).isEqualTo("✓ Shard 1 | 100.0% | Combos: 27/27 | Current: -                                "
                + "| ETA: Complete | Rows:   3456 | CPU:     - | Mem:         -");
        assertThat(lines.get(3)).startsWith("✗ Shard 2 |  10.0% | Combos:  1/27").endsWith("| exit 1: Traceback: boom");
        assertThat(lines.get(4)).startsWith("⏸ Shard 3 |      - | Combos:  0/? ");
        assertThat(lines.get(5)).isEqualTo("Completed 1/4 | Running 1 | Stalled 0 | Pending 1 | Failed 1 | Interrupted 0 | Rows 4690 | ETA 0:18:45");
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
        assertThat(lines.get(1)).startsWith("> Shard   0 |   0.0% | Combos:  0/30 | Current: combo_0" + " ".repeat(25) + " | ETA: ~0:00:00");
        assertThat(lines.subList(1, 201).stream().map(l -> l.indexOf("| Rows")).distinct()).hasSize(1);
        assertThat(lines.subList(1, 201).stream().map(String::length).distinct()).hasSize(1);
    }

    @Test
    void longNamesAreCutAndDurationsAndBytesAreReadable() {
        List<String> lines = new TableRenderer(false, false, ZoneOffset.UTC).lines(snapshot(List.of(
                row(0, Status.RUNNING, 1.0, 0, 1, "combo_2_" + "x".repeat(60), 400_000L, 0))));
        assertThat(lines.get(1)).contains("combo_2_xxxxxxxxxxxxxxxxxxxxxxx… |").contains("ETA: ~111:06:40");
        assertThat(TableRenderer.bytes(312L * 1024 * 1024)).isEqualTo("312.0 MiB");
        assertThat(TableRenderer.bytes(900)).isEqualTo("900 B");
    }

    @Test
    void ansiCutKeepsEscapesAndCountsVisibleChars() {
        assertThat(Ansi.cut("\u001b[31mabcdef\u001b[0m", 3)).isEqualTo("\u001b[31mabc\u001b[0m");
        assertThat(Ansi.cut("abc", 5)).isEqualTo("abc");
    }

    @Test
    void columnsKeepTheirPlaceAcrossFramesAndCountsAddUp() {
        TableRenderer renderer = new TableRenderer(false, true, ZoneOffset.UTC);
        List<String> first = renderer.lines(snapshot(List.of(row(0, Status.RUNNING, 5.0, 0, 3, "combo_1_eda", 30L, 12),
                row(1, Status.RUNNING, 5.0, 0, 3, "combo_1_aeda", 30L, 7))));
        List<String> later = renderer.lines(snapshot(List.of(row(0, Status.RUNNING, 50.0, 1, 3, "combo_1_x", 10L, 123456),
                row(1, Status.FINISHING, 100.0, 3, 3, null, 0L, 9))));
        List<String> last = renderer.lines(snapshot(List.of(row(0, Status.SUCCEEDED, 100.0, 3, 3, null, 0L, 9),
                row(1, Status.SUCCEEDED, 100.0, 3, 3, null, 0L, 9))));
        for (String column : List.of("| ETA", "| Rows", "| CPU", "| Mem")) {
            assertThat(List.of(first.get(1), later.get(2), last.get(1)).stream().map(l -> l.indexOf(column)).distinct())
                    .as(column).hasSize(1);
        }
        assertThat(later.get(2)).startsWith("~ Shard 1 | 100.0%").contains("log complete, process still exiting");
        Summary s = new Summary(7, 2, 1, 1, 1, 0, 1, 1, 10, null, 0, null);
        assertThat(s.completed() + s.running() + s.finishing() + s.stalled() + s.pending() + s.failed() + s.interrupted())
                .isEqualTo(s.shards());
        String footer = renderer.lines(new Snapshot("2026-11-28T20:31:05Z", "l", null, List.of(), s)).get(1);
        assertThat(footer).isEqualTo("Completed 2/7 | Running 1 | Finishing 1 | Stalled 1 | Pending 0 | Failed 1 | Interrupted 1 | Rows 10 | ETA -");
        Summary stopped = new Summary(2, 1, 0, 0, 0, 0, 0, 1, 10, null, 0, null);
        assertThat(renderer.lines(new Snapshot("2026-11-28T20:31:05Z", "l", null, List.of(), stopped)).get(1)).endsWith("| ETA stopped");
    }
}
