package dev.augctl.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitorViewTest {
    private static Snapshot snapshot(int shards) {
        List<ShardRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < shards; i++) {
            rows.add(new ShardRow(i, Status.RUNNING, 50.0, 1, 2, "a", 10.0, 5, null, null, null, null, null, null, null, null, "x"));
        }
        return new Snapshot("2026-11-28T20:31:05Z", "logs", null, rows, new Summary(shards, 0, shards, 0, 0, 0, 0, 0, 5L * shards, 10.0, 0, null));
    }

    @Test
    void terminalRedrawsInPlaceAndRestoresTheCursorOnClose() {
        StringWriter out = new StringWriter();
        MonitorView v = MonitorView.terminal(new PrintWriter(out), new TableRenderer(true, false, ZoneOffset.UTC), 0);
        v.show(snapshot(2));
        String first = out.toString();
        assertThat(first).startsWith("\u001b[?25l").doesNotContain("\u001b[4A");
        assertThat(first.split("\u001b\\[2K", -1)).hasSize(5); // header, 2 shards, summary
        v.show(snapshot(1));
        String second = out.toString().substring(first.length());
        assertThat(second).contains("\u001b[4A").endsWith("\u001b[J"); // up over the 4 old lines; clear below
        v.close();
        assertThat(out.toString()).endsWith("\u001b[0m\u001b[?25h");
        v.show(snapshot(1)); // nothing after close
        assertThat(out.toString()).endsWith("\u001b[?25h");
    }

    @Test
    void terminalCutsLinesToItsWidth() {
        StringWriter out = new StringWriter();
        MonitorView v = MonitorView.terminal(new PrintWriter(out), new TableRenderer(false, true, ZoneOffset.UTC), 21);
        v.show(snapshot(1));
        v.close();
        assertThat(out.toString()).contains("\r\u001b[2K> Shard 0 |  50.0% |\u001b[0m\n");
    }

    @Test
    void plainSnapshotsAreSeparatedByABlankLine() {
        StringWriter out = new StringWriter();
        MonitorView v = MonitorView.plain(new PrintWriter(out), new TableRenderer(false, true, ZoneOffset.UTC));
        v.show(snapshot(1));
        v.show(snapshot(1));
        assertThat(out.toString().split("\n\n")).hasSize(2);
        assertThat(out.toString()).doesNotContain("\u001b");
    }
}
