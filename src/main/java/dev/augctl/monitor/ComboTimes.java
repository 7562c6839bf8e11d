package dev.augctl.monitor;

import dev.augctl.monitor.LinePattern.Group;
import dev.augctl.monitor.PatternSet.Kind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The combos a shard's log shows finished, timed from the timestamps of their start and done lines
 * (the monitor's patterns): the duration history's source for a worker whose manifest has no
 * seconds column.
 */
public final class ComboTimes {
    /** One finished combo: its name, when it started, how long it took, and its rows when logged. */
    public record Timed(String combo, Instant started, double seconds, Long rows) {
    }

    private ComboTimes() {
    }

    /** The combos of {@code log} that started at or after {@code since}; a missing log has none. */
    public static List<Timed> read(Path log, PatternSet patterns, Instant since) throws IOException {
        List<Timed> out = new ArrayList<>();
        if (!Files.isRegularFile(log)) {
            return out;
        }
        PatternSet p = patterns.copy();
        List<LinePattern> timestamp = p.get(Kind.TIMESTAMP);
        List<LinePattern> start = p.get(Kind.COMBO_START);
        List<LinePattern> done = p.get(Kind.COMBO_DONE);
        ZoneId zone = ZoneId.systemDefault();
        LineText text = new LineText();
        String current = null;
        Instant startedAt = null;
        byte[] all = Files.readAllBytes(log);
        int from = 0;
        for (int i = 0; i <= all.length; i++) {
            if (i < all.length && all[i] != '\n' && all[i] != '\r') {
                continue;
            }
            int len = i - from;
            if (len > 0) {
                text.set(all, from, len);
                LinePattern s = match(start, all, from, len, text);
                LinePattern d = s == null ? match(done, all, from, len, text) : null;
                if (s != null || d != null) {
                    String name = (s != null ? s : d).group(Group.NAME);
                    String rows = d == null ? null : d.group(Group.ROWS);
                    Instant ts = timestamp(timestamp, all, from, len, text, zone);
                    if (s != null) {
                        current = name;
                        startedAt = ts;
                    } else if (ts != null && startedAt != null && !startedAt.isBefore(since)
                            && (name == null || name.equals(current)) && current != null) {
                        out.add(new Timed(current, startedAt, Duration.between(startedAt, ts).toMillis() / 1000.0,
                                rows == null ? null : Long.valueOf(rows)));
                        current = null;
                    }
                }
            }
            from = i + 1;
        }
        return out;
    }

    private static LinePattern match(List<LinePattern> list, byte[] buf, int off, int len, LineText text) {
        for (LinePattern p : list) {
            if (p.matches(buf, off, len, text)) {
                return p;
            }
        }
        return null;
    }

    private static Instant timestamp(List<LinePattern> list, byte[] buf, int off, int len, LineText text, ZoneId zone) {
        LinePattern m = match(list, buf, off, len, text);
        String ts = m == null ? null : m.group(Group.TS);
        try {
            return ts == null ? null : Timestamps.parse(ts, zone);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
