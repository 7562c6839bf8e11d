package dev.augctl.monitor;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Snapshot} as text: a header, one line per shard with column widths taken from the
 * data, and a summary line. Colours are ANSI escapes, only when asked for.
 */
public final class TableRenderer {
    private static final int MAX_CURRENT = 40;
    private static final int MAX_ERROR = 80;
    private static final String RESET = "\u001b[0m";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final boolean color;
    private final boolean ascii;
    private final ZoneId zone;

    public TableRenderer(boolean color, boolean ascii, ZoneId zone) {
        this.color = color;
        this.ascii = ascii;
        this.zone = zone;
    }

    /** The snapshot's lines, without line terminators. */
    public List<String> lines(Snapshot s) {
        List<String> out = new ArrayList<>();
        out.add(bold("augctl monitor") + " " + s.logDir()
                + (s.runState() != null ? " (run.json)" : " (logs only)")
                + " at " + CLOCK.format(Instant.parse(s.time()).atZone(zone)));
        Widths w = new Widths(s.shards());
        for (ShardRow r : s.shards()) {
            out.add(row(r, w));
        }
        out.add(summary(s.summary()));
        return out;
    }

    /** Column widths that fit every row. */
    private static final class Widths {
        int shard = 1;
        int combos = 1;
        int current = 1;
        int eta = 1;
        int rows = 1;
        boolean cpu;
        boolean mem;

        Widths(List<ShardRow> rows) {
            for (ShardRow r : rows) {
                shard = Math.max(shard, Integer.toString(r.shard()).length());
                combos = Math.max(combos, Math.max(Integer.toString(r.combosDone()).length(),
                        r.combosTotal() == null ? 1 : r.combosTotal().toString().length()));
                current = Math.max(current, Math.min(MAX_CURRENT, current(r).length()));
                eta = Math.max(eta, eta(r).length());
                this.rows = Math.max(this.rows, String.format(Locale.ROOT, "%,d", r.rows()).length());
                cpu |= r.cpuPercent() != null;
                mem |= r.rssBytes() != null;
            }
        }
    }

    private String row(ShardRow r, Widths w) {
        StringBuilder b = new StringBuilder();
        b.append(paint(r.status(), r.status().mark(ascii))).append(' ');
        b.append("Shard ").append(pad(Integer.toString(r.shard()), w.shard, true));
        b.append(" | ").append(pad(r.progress() == null ? "-" : String.format(Locale.ROOT, "%.1f%%", r.progress()), 6, true));
        b.append(" | Combos: ").append(pad(Integer.toString(r.combosDone()), w.combos, true)).append('/')
                .append(pad(r.combosTotal() == null ? "?" : r.combosTotal().toString(), w.combos, false));
        b.append(" | Current: ").append(pad(cut(current(r), MAX_CURRENT), w.current, false));
        b.append(" | ETA: ").append(pad(eta(r), w.eta, false));
        b.append(" | Rows: ").append(pad(String.format(Locale.ROOT, "%,d", r.rows()), w.rows, true));
        if (w.cpu) {
            b.append(" | CPU: ").append(pad(r.cpuPercent() == null ? "-" : String.format(Locale.ROOT, "%.0f%%", r.cpuPercent()), 5, true));
        }
        if (w.mem) {
            b.append(" | Mem: ").append(pad(r.rssBytes() == null ? "-" : bytes(r.rssBytes()), 9, true));
        }
        String note = note(r);
        if (note != null) {
            b.append(" | ").append(paint(r.status(), cut(note, MAX_ERROR)));
        }
        return b.toString();
    }

    private static String current(ShardRow r) {
        return r.current() == null ? "-" : r.current();
    }

    private static String eta(ShardRow r) {
        return switch (r.status()) {
            case SUCCEEDED -> "Complete";
            case FAILED -> "Failed";
            case INTERRUPTED -> "Stopped";
            default -> r.etaSeconds() == null ? "-" : duration(r.etaSeconds());
        };
    }

    private static String note(ShardRow r) {
        return switch (r.status()) {
            case FAILED, INTERRUPTED -> {
                String exit = r.exitCode() == null ? "" : "exit " + r.exitCode();
                String err = r.error() == null ? "" : r.error();
                String s = exit.isEmpty() || err.isEmpty() ? exit + err : exit + ": " + err;
                yield s.isEmpty() ? null : s;
            }
            case STALLED -> r.lastUpdate() == null ? "no output" : "silent since " + r.lastUpdate();
            default -> null;
        };
    }

    private String summary(Summary s) {
        StringBuilder b = new StringBuilder();
        b.append("Completed ").append(s.completed()).append('/').append(s.shards());
        b.append(" | Running ").append(s.running());
        b.append(" | Failed ").append(s.failed() + s.interrupted());
        b.append(" | Pending ").append(s.pending());
        b.append(" | Stalled ").append(s.stalled());
        b.append(" | Rows ").append(String.format(Locale.ROOT, "%,d", s.rows()));
        b.append(" | ETA ").append(s.allEnded() ? "done" : s.etaSeconds() == null ? "-" : duration(s.etaSeconds()));
        return bold(b.toString());
    }

    /** Seconds as H:MM:SS (hours grow past 24: a run is measured in hours). */
    static String duration(long seconds) {
        long s = Math.max(0, seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60);
    }

    /** Bytes in binary units, e.g. "312.4 MiB". */
    static String bytes(long n) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = 0;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return u == 0 ? n + " B" : String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }

    private String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        return s.substring(0, max - 1) + (ascii ? "~" : "…");
    }

    private static String pad(String s, int width, boolean right) {
        if (s.length() >= width) {
            return s;
        }
        String fill = " ".repeat(width - s.length());
        return right ? fill + s : s + fill;
    }

    private String paint(Status st, String s) {
        if (!color) {
            return s;
        }
        String code = switch (st) {
            case RUNNING -> "\u001b[36m";
            case SUCCEEDED -> "\u001b[32m";
            case FAILED -> "\u001b[31m";
            case STALLED -> "\u001b[33m";
            case INTERRUPTED -> "\u001b[35m";
            case PENDING -> "\u001b[2m";
        };
        return code + s + RESET;
    }

    private String bold(String s) {
        return color ? "\u001b[1m" + s + RESET : s;
    }
}
