package dev.augctl.launch;

import dev.augctl.common.TextTable;
import dev.augctl.run.ShardRecord;
import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The table printed when a launch ends: one row per shard it ran, then the counts by state. */
final class Summary {
    private Summary() {
    }

    static void print(PrintWriter out, List<ShardRecord> records) {
        String[] head = {"shard", "state", "exit", "attempts", "duration", "log"};
        List<String[]> rows = new ArrayList<>();
        rows.add(head);
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ShardRecord r : records) {
            rows.add(new String[] {Integer.toString(r.index), r.state.json(), exit(r), Integer.toString(r.attempts),
                duration(r.startedAt, r.endedAt), r.log == null ? "" : r.log});
            counts.merge(r.state.json(), 1, Integer::sum);
        }
        TextTable.lines(rows, column -> false).forEach(out::println);
        List<String> parts = new ArrayList<>();
        counts.forEach((state, n) -> parts.add(n + " " + state));
        out.println(records.size() + " shard" + (records.size() == 1 ? "" : "s") + ": " + String.join(", ", parts));
        out.flush();
    }

    static String exit(ShardRecord r) {
        if (r.signal != null) {
            return r.signal;
        }
        return r.exitCode == null ? "-" : Integer.toString(r.exitCode);
    }

    static String duration(String start, String end) {
        if (start == null || end == null) {
            return "-";
        }
        return format(Duration.between(Instant.parse(start), Instant.parse(end)));
    }

    /** 0.4s, 12.3s, 4m05s, 2h03m. */
    static String format(Duration d) {
        long ms = Math.max(0, d.toMillis());
        if (ms < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1fs", ms / 1000.0);
        }
        long s = ms / 1000;
        if (s < 3600) {
            return String.format(java.util.Locale.ROOT, "%dm%02ds", s / 60, s % 60);
        }
        return String.format(java.util.Locale.ROOT, "%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
