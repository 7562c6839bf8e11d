package dev.augctl.monitor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.augctl.common.Json;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Where snapshots go: plain text, an in-place terminal table, or JSON lines. */
public interface MonitorView extends AutoCloseable {
    void show(Snapshot snapshot);

    /** Leaves the output in a clean state (for a terminal: cursor shown, colours reset). */
    @Override
    default void close() {
    }

    /**
     * Shows only the shards in one of {@code states} (the summary still counts every shard);
     * null or empty shows all.
     */
    static MonitorView only(MonitorView view, java.util.Set<Status> states) {
        if (states == null || states.isEmpty()) {
            return view;
        }
        return new MonitorView() {
            @Override
            public void show(Snapshot s) {
                view.show(s.withShards(s.shards().stream().filter(r -> states.contains(r.status())).toList()));
            }

            @Override
            public void close() {
                view.close();
            }
        };
    }

    /** Plain snapshots, one after the other, separated by a blank line (for pipes and files). */
    static MonitorView plain(PrintWriter out, TableRenderer renderer) {
        return new MonitorView() {
            private boolean first = true;

            @Override
            public void show(Snapshot s) {
                if (!first) {
                    out.println();
                }
                first = false;
                renderer.lines(s).forEach(out::println);
                out.flush();
            }
        };
    }

    /** One compact JSON document per snapshot, one per line. */
    static MonitorView json(PrintWriter out) {
        ObjectWriter writer = Json.mapper().writer().without(SerializationFeature.INDENT_OUTPUT);
        return s -> {
            try {
                out.println(writer.writeValueAsString(s));
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
            out.flush();
        };
    }

    /** A table redrawn in place in a terminal. */
    static MonitorView terminal(PrintWriter out, TableRenderer renderer, int columns) {
        return new TerminalView(out, renderer, columns);
    }

    /** Redraws with ANSI: cursor up over the previous frame, then each line cleared and rewritten. */
    final class TerminalView implements MonitorView {
        private static final String HIDE_CURSOR = "\u001b[?25l";
        private static final String SHOW_CURSOR = "\u001b[?25h";
        private static final String RESET = "\u001b[0m";

        private final PrintWriter out;
        private final TableRenderer renderer;
        private final int columns;
        private final Thread restoreOnExit;
        private int previousLines;
        private boolean closed;

        TerminalView(PrintWriter out, TableRenderer renderer, int columns) {
            this.out = out;
            this.renderer = renderer;
            this.columns = columns;
            // Ctrl-C ends the JVM (exit 130) through its shutdown hooks: put the terminal back first.
            this.restoreOnExit = new Thread(this::restore, "augctl-monitor-restore-terminal");
            Runtime.getRuntime().addShutdownHook(restoreOnExit);
        }

        @Override
        public synchronized void show(Snapshot s) {
            if (closed) {
                return;
            }
            List<String> lines = renderer.lines(s);
            StringBuilder b = new StringBuilder(HIDE_CURSOR);
            if (previousLines > 0) {
                b.append("\u001b[").append(previousLines).append('A');
            }
            for (String line : lines) {
                b.append("\r\u001b[2K").append(columns > 1 ? Ansi.cut(line, columns - 1) : line).append('\n');
            }
            b.append("\u001b[J"); // a frame shorter than the last one leaves nothing below it
            out.print(b);
            out.flush();
            previousLines = lines.size();
        }

        private synchronized void restore() {
            if (!closed) {
                closed = true;
                out.print(RESET + SHOW_CURSOR);
                out.flush();
            }
        }

        @Override
        public void close() {
            restore();
            try {
                Runtime.getRuntime().removeShutdownHook(restoreOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway; restore() is idempotent
            }
        }
    }
}
