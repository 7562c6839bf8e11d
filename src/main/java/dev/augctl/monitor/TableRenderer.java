package dev.augctl.monitor;

import dev.augctl.gpu.GpuSample;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link Snapshot} as text: a header, one line per shard in columns that keep their place
 * from frame to frame, and a summary line whose counts add up to the shards. Numbers are plain
 * digits, as in merge's report, CSV and JSON. Colours are ANSI escapes, only when asked for.
 */
public final class TableRenderer {
    private static final int CURRENT_WIDTH = 32;
    private static final int MAX_ERROR = 80;
    private static final String RESET = "\u001b[0m";
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final boolean color;
    private final boolean ascii;
    private final ZoneId zone;
    private final Widths widths = new Widths();

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
        widths.fit(s.shards());
        for (ShardRow r : s.shards()) {
            out.add(row(r, widths));
        }
        if (s.gpus() != null) {
            s.gpus().forEach(g -> out.add(gpuLine(g)));
        }
        out.add(summary(s.summary()));
        return out;
    }

    /**
     * Column widths, kept for the renderer's life (one run): they grow to fit but never shrink, so
     * that columns do not move sideways between frames. The current combo has a fixed width, names
     * longer than it are cut with an ellipsis. CPU and memory are always there ({@code -} when unknown);
     * GPU figures from the first frame that has them.
     */
    private static final class Widths {
        int shard = 1;
        int combos = 1;
        int eta = 8; // "Complete", "~0:18:45"
        int rows = 6;
        /** Once a shard shows GPU figures, the GPU column stays. */
        boolean gpu;

        void fit(List<ShardRow> shards) {
            for (ShardRow r : shards) {
                shard = Math.max(shard, Integer.toString(r.shard()).length());
                combos = Math.max(combos, Math.max(Integer.toString(r.combosDone()).length(),
                        r.combosTotal() == null ? 1 : r.combosTotal().toString().length()));
                eta = Math.max(eta, eta(r).length());
                rows = Math.max(rows, Long.toString(r.rows()).length());
                gpu |= r.gpuMemoryMib() != null || r.gpuSmPercent() != null;
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
        b.append(" | Current: ").append(pad(cut(current(r), CURRENT_WIDTH), CURRENT_WIDTH, false));
        b.append(" | ETA: ").append(pad(eta(r), w.eta, false));
        b.append(" | Rows: ").append(pad(Long.toString(r.rows()), w.rows, true));
        b.append(" | CPU: ").append(pad(r.cpuPercent() == null ? "-" : String.format(Locale.ROOT, "%.0f%%", r.cpuPercent()), 5, true));
        b.append(" | Mem: ").append(pad(r.rssBytes() == null ? "-" : bytes(r.rssBytes()), 9, true));
        if (w.gpu) {
            b.append(" | GPU: ").append(pad(r.gpuMemoryMib() == null ? "-" : r.gpuMemoryMib() + " MiB", 10, true))
                    .append(' ').append(pad(r.gpuSmPercent() == null ? "-" : r.gpuSmPercent() + "% SM", 7, true));
        }
        String note = note(r);
        if (note != null) {
            b.append(" | ").append(paint(r.status(), cut(note, MAX_ERROR)));
        }
        return b.toString();
    }

    /** "GPU 0 NVIDIA H200 | util 100% | mem 4553 / 143771 MiB". */
    private static String gpuLine(GpuSample.Device g) {
        return "GPU " + g.index() + " " + g.name()
                + " | util " + (g.utilization() == null ? "-" : g.utilization() + "%")
                + " | mem " + (g.memoryUsedMib() == null ? "-" : g.memoryUsedMib()) + " / "
                + (g.memoryTotalMib() == null ? "-" : g.memoryTotalMib()) + " MiB";
    }

    private static String current(ShardRow r) {
        return r.current() == null ? "-" : r.current();
    }

    private static String eta(ShardRow r) {
        return switch (r.status()) {
            case SUCCEEDED -> "Complete";
            case FAILED -> "Failed";
            case INTERRUPTED -> "Stopped";
            case FINISHING -> "0:00:00";
            // rough until the shard has finished a combo: nothing of its own is measured whole yet
            default -> r.etaSeconds() == null ? "-" : (r.combosDone() == 0 ? "~" : "") + duration(r.etaSeconds());
        };
    }

    private static String note(ShardRow r) {
        return switch (r.status()) {
            case FAILED -> {
                String exit = r.exitCode() == null ? "" : "exit " + r.exitCode();
                String err = r.error() == null ? "" : r.error();
                String s = exit.isEmpty() || err.isEmpty() ? exit + err : exit + ": " + err;
                yield s.isEmpty() ? null : s;
            }
            // the launcher's own words for the stop (run.json's message), as in its summary
            case INTERRUPTED -> r.error() != null ? r.error() : r.exitCode() == null ? null : "exit " + r.exitCode();
            case FINISHING -> "log complete, process still exiting";
            case STALLED -> r.lastUpdate() == null ? "no output" : "silent since " + r.lastUpdate();
            default -> null;
        };
    }

    private String summary(Summary s) {
        StringBuilder b = new StringBuilder();
        b.append("Completed ").append(s.completed()).append('/').append(s.shards());
        b.append(" | Running ").append(s.running());
        if (s.finishing() > 0) {
            b.append(" | Finishing ").append(s.finishing());
        }
        b.append(" | Stalled ").append(s.stalled());
        b.append(" | Pending ").append(s.pending());
        b.append(" | Failed ").append(s.failed());
        b.append(" | Interrupted ").append(s.interrupted());
        b.append(" | Rows ").append(s.rows());
        b.append(" | ETA ").append(s.stopped() ? "stopped" : s.allEnded() ? "done" : s.etaSeconds() == null ? "-"
                : (s.etaRough() ? "~" : "") + duration(s.etaSeconds()));
        if (s.combosTotal() != null || s.combosDone() > 0) {
            b.append(" | Combos ").append(s.combosDone()).append('/').append(s.combosTotal() == null ? "?" : s.combosTotal());
        }
        return bold(b.toString());
    }

    /** Seconds as H:MM:SS (hours grow past 24: a run is measured in hours). */
    static String duration(double seconds) {
        long s = Math.max(0, Math.round(seconds));
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
            case RUNNING, FINISHING -> "\u001b[36m";
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
