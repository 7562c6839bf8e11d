package dev.augctl.serve;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.augctl.monitor.ShardRow;
import dev.augctl.monitor.Snapshot;
import dev.augctl.monitor.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A lane per shard and a bar per combo, built from the snapshots the server saw: a combo starts
 * when it first shows as current and ends when another one (or none) does. Combos finished before
 * the server started show as one bar from the shard's start.
 */
final class Timeline {
    /** Bars kept per lane; the oldest go first. */
    static final int MAX_SPANS = 500;

    /** One bar: a combo (or the combos before the server started) and how it ended; end null while it runs. */
    record Span(@JsonProperty("combo") String combo, @JsonProperty("start") long start,
                @JsonProperty("end") Long end, @JsonProperty("state") String state) {
    }

    /** The document: the time range and the lanes. */
    record View(@JsonProperty("now") long now, @JsonProperty("lanes") List<Lane> lanes) {
    }

    record Lane(@JsonProperty("shard") int shard, @JsonProperty("state") String state,
                @JsonProperty("spans") List<Span> spans) {
    }

    private static final class Track {
        final List<Span> spans = new ArrayList<>();
        String open;
        long openSince;
        int attempts = -1;
        Status status;
    }

    private final Map<Integer, Track> tracks = new TreeMap<>();

    synchronized void add(Snapshot s) {
        long now = Instant.parse(s.time()).toEpochMilli();
        for (ShardRow row : s.shards()) {
            Track t = tracks.computeIfAbsent(row.shard(), k -> new Track());
            boolean first = t.attempts < 0;
            int attempts = row.attempts() == null ? 0 : row.attempts();
            String current = row.current();
            if (t.open != null && (!t.open.equals(current) || attempts != t.attempts)) {
                close(t, now, row.status());
            }
            if (first && row.startedAt() != null && (row.combosDone() > 0 || current == null && row.status().ended())) {
                long since = Instant.parse(row.startedAt()).toEpochMilli();
                String what = row.combosDone() == 1 ? "1 combo" : row.combosDone() + " combos";
                add(t, new Span(what + " before the dashboard started", since, Math.max(since, now),
                        row.status().ended() ? stateOf(row.status()) : "done"));
            }
            if (current != null && t.open == null) {
                t.open = current;
                t.openSince = first && row.combosDone() == 0 && row.startedAt() != null
                        ? Instant.parse(row.startedAt()).toEpochMilli() : now;
            }
            t.attempts = attempts;
            t.status = row.status();
        }
    }

    synchronized View view(long now) {
        List<Lane> lanes = new ArrayList<>(tracks.size());
        tracks.forEach((shard, t) -> {
            List<Span> spans = new ArrayList<>(t.spans);
            if (t.open != null) {
                spans.add(new Span(t.open, t.openSince, null, t.status == Status.STALLED || t.status == Status.FINISHING
                        ? stateOf(t.status) : "running"));
            }
            lanes.add(new Lane(shard, t.status == null ? null : stateOf(t.status), spans));
        });
        return new View(now, lanes);
    }

    private static void close(Track t, long now, Status status) {
        String state = status == Status.FAILED || status == Status.INTERRUPTED ? stateOf(status) : "done";
        add(t, new Span(t.open, t.openSince, Math.max(now, t.openSince), state));
        t.open = null;
    }

    private static void add(Track t, Span span) {
        if (t.spans.size() == MAX_SPANS) {
            t.spans.remove(0);
        }
        t.spans.add(span);
    }

    private static String stateOf(Status s) {
        return s.name().toLowerCase(java.util.Locale.ROOT);
    }
}
