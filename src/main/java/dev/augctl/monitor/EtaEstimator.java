package dev.augctl.monitor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The monitor's time left, per shard and for a run of the dynamic schedule (docs/MONITOR.md, "ETA"),
 * from one snapshot of every shard's log: what the combos of this run took so far, and the duration
 * history of earlier runs. A combo not started yet takes what {@link ComboEstimates} says; a running
 * combo its own progress's rate, tempered early on by that estimate. Time is counted from combo start
 * lines, so a worker's start-up is never in a rate; a shard still starting up waits as long as the
 * slowest start-up seen in this run or the history's, the longer. The static schedule adds up each shard's
 * combos; the dynamic one is played forward over its shards; both are raised towards the history of
 * whole shards while few combos are finished.
 */
final class EtaEstimator {
    /** One shard: its state, what its log says, and when its latest attempt started (null: unknown). */
    record Shard(int index, Status status, LogFacts facts, Instant attemptStart) {
    }

    /** Seconds left per shard (index order; null when unknown), and for the whole run when the schedule is dynamic. */
    record Result(List<Double> shards, boolean dynamic, Double run) {
    }

    private final List<Shard> shards;
    private final RunHistory history;
    private final Instant now;
    private final int numShards;
    private final int slots;
    /** What combos should take, and this run's speed against the history. */
    private final ComboEstimates combos;
    private final double speed;
    /** Whether the shards claim their combos (the dynamic schedule): set by {@link #estimate()}. */
    private boolean dynamicRun;
    /** The longest start-up seen in this run (attempt start to first combo start), or null. */
    private final Double startUp;

    EtaEstimator(List<Shard> shards, RunHistory history, Instant now, int slots) {
        this.shards = shards;
        this.history = history;
        this.now = now;
        this.numShards = shards.size();
        this.slots = Math.max(1, slots);
        this.combos = new ComboEstimates(shards, history, now);
        this.speed = combos.speed();
        Double longest = null;
        for (Shard s : shards) {
            LogFacts f = s.facts();
            Instant start = s.attemptStart() != null ? s.attemptStart() : f.startedAt();
            if (start != null && f.workStartedAt() != null) {
                double up = Math.max(0, Duration.between(start, f.workStartedAt()).toMillis() / 1000.0);
                longest = longest == null ? up : Math.max(longest, up);
            }
        }
        this.startUp = longest;
    }

    /** Every shard's ETA, and the run's when its shards claim combos (the dynamic schedule). */
    Result estimate() {
        Integer inRun = shards.stream().map(s -> s.facts().combosInRun()).filter(n -> n != null).max(Integer::compare).orElse(null);
        boolean dynamic = inRun != null && shards.stream().allMatch(s -> s.facts().combosTotal() == null);
        if (dynamic) {
            return dynamic(inRun);
        }
        List<Double> out = new ArrayList<>();
        for (Shard s : shards) {
            out.add(round(staticShard(s)));
        }
        return new Result(out, false, null);
    }

    /**
     * A shard that knows its combos: its start-up left, its current combo's rest, then its combos not
     * started; raised towards what the history of whole shards leaves by the share of its combos not
     * finished.
     */
    private Double staticShard(Shard s) {
        Double t = combosLeft(s);
        LogFacts f = s.facts();
        double unseen = f.combosTotal() == null || f.combosTotal() == 0 ? 1 : 1 - (double) f.combosDone() / f.combosTotal();
        return live(s) ? blend(t, wholeShardLeft(s), unseen) : t;
    }

    private Double combosLeft(Shard s) {
        if (s.status() == Status.SUCCEEDED || s.status() == Status.FINISHING) {
            return 0.0;
        }
        if (!live(s)) {
            return null;
        }
        LogFacts f = s.facts();
        Set<String> started = new HashSet<>();
        f.finished().forEach(c -> started.add(c.name()));
        // the combos not started: by name from the assignment line, else from earlier runs of this N
        List<String> named = new ArrayList<>(f.assigned().isEmpty() ? history.combos(s.index(), numShards) : f.assigned());
        int left;
        if (f.combosTotal() != null) {
            left = Math.max(0, f.combosTotal() - f.combosDone() - (f.current() != null ? 1 : 0));
        } else if (!named.isEmpty() && f.combosDone() == 0 && f.current() == null) {
            left = named.size(); // not yet told how many: the combos this shard had in earlier runs of this N
        } else {
            return null;
        }
        if (f.current() != null) {
            started.add(f.current());
        }
        named.removeAll(started);
        Double t = add(startUpLeft(s), currentLeft(s));
        int namedLeft = Math.min(left, named.size());
        for (int i = 0; i < namedLeft && t != null; i++) {
            t = add(t, combos.prior(s.index(), named.get(i), null));
        }
        if (left > namedLeft && t != null) { // the rest are unnamed: each takes the same estimate
            Double each = combos.prior(s.index(), null, null);
            t = each == null ? null : t + (left - namedLeft) * each;
        }
        return t;
    }

    /**
     * The dynamic schedule: every live shard takes the next combo when it is free (longest estimated
     * first, as the shards claim them); a shard ends when none is left, and a pending shard then
     * takes its slot, starts up and ends. Combos not started are those the history had on this
     * input and this run has not started (the shortest, since shards claim the longest first),
     * and for the rest of the run's count this run's average combo.
     */
    private Result dynamic(int inRun) {
        dynamicRun = true;
        Set<String> started = new HashSet<>();
        for (Shard s : shards) {
            s.facts().finished().forEach(c -> started.add(c.name()));
            if (live(s) && s.facts().current() != null) {
                started.add(s.facts().current());
            }
        }
        int left = Math.max(0, inRun - started.size());
        List<Double> todo = new ArrayList<>();
        List<Double> known = new ArrayList<>();
        for (String name : history.combos(null, numShards)) {
            if (!started.contains(name)) {
                known.add(combos.prior(-1, name, null));
            }
        }
        known.removeIf(d -> d == null);
        known.sort(Comparator.naturalOrder());
        Double unnamed = left > known.size() ? combos.prior(-1, null, null) : null;
        for (int i = 0; i < left; i++) {
            todo.add(i < known.size() ? known.get(i) : unnamed);
        }
        Double[] out = new Double[shards.size()];
        Double[] whole = new Double[shards.size()];
        record Slot(int index, double free) {
        }
        PriorityQueue<Slot> free = new PriorityQueue<>(Comparator.comparingDouble(Slot::free));
        int pending = 0;
        boolean unknown = todo.contains(null);
        for (Shard s : shards) {
            if (s.status() == Status.SUCCEEDED || s.status() == Status.FINISHING) {
                out[s.index()] = 0.0;
            } else if (s.status() == Status.PENDING) {
                pending++;
            } else if (live(s)) {
                Double t = add(startUpLeft(s), currentLeft(s));
                unknown |= t == null;
                free.add(new Slot(s.index(), t == null ? 0 : t));
                whole[s.index()] = wholeShardLeft(s);
            }
        }
        Double fullStartUp = startUp();
        for (int i = free.size(); i < slots && pending > 0; i++, pending--) {
            unknown |= fullStartUp == null;
            free.add(new Slot(-1, fullStartUp == null ? 0 : fullStartUp)); // a pending shard starts in a free slot
        }
        todo.sort(Comparator.nullsLast(Comparator.reverseOrder()));
        for (int i = 0; i < todo.size() && !free.isEmpty(); i++) {
            Slot s = free.poll();
            free.add(new Slot(s.index(), s.free() + (todo.get(i) == null ? 0 : todo.get(i))));
        }
        double end = 0;
        Double[] ends = new Double[shards.size()];
        while (!free.isEmpty()) {
            Slot s = free.poll();
            end = Math.max(end, s.free());
            if (s.index() >= 0) {
                ends[s.index()] = s.free();
            }
            if (pending > 0) { // its slot starts a pending shard, which finds nothing left to claim
                pending--;
                unknown |= fullStartUp == null;
                free.add(new Slot(-1, s.free() + (fullStartUp == null ? 0 : fullStartUp)));
            }
        }
        double unseen = Math.max(0, 1 - shards.stream().mapToInt(s -> s.facts().combosDone()).sum() / (double) Math.max(1, inRun));
        Double wholeRun = null;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = round(blend(unknown || ends[i] == null ? null : ends[i], whole[i], unseen));
            }
            if (whole[i] != null && (wholeRun == null || whole[i] > wholeRun)) {
                wholeRun = whole[i]; // shards of the dynamic schedule end together: the run ends with the last
            }
        }
        return new Result(Arrays.asList(out), true, round(blend(unknown ? null : end, wholeRun, unseen)));
    }

    /**
     * Seconds left of the shard's current combo: its own rate ({@code elapsed × (1 − f) ÷ f})
     * weighted by its progress f, the rest by the combo's estimate less its elapsed time.
     */
    private Double currentLeft(Shard s) {
        LogFacts f = s.facts();
        if (f.current() == null) {
            return 0.0;
        }
        double elapsed = f.currentStartedAt() == null ? 0 : since(f.currentStartedAt());
        double p = f.fraction();
        Double own = p > 0 && f.currentStartedAt() != null ? elapsed * (1 - p) / p : null;
        Double prior = combos.prior(s.index(), f.current(), f.currentRows());
        Double fromPrior = prior == null ? null : Math.max(0, prior - elapsed);
        if (own != null && fromPrior != null) {
            return p * own + (1 - p) * fromPrior;
        }
        return own != null ? own : fromPrior;
    }

    /**
     * How long a shard takes to start: the longest start-up this run has shown and the history's time
     * outside combos, whichever is longer (the shards that start first show the shortest start-ups).
     */
    private Double startUp() {
        Double h = history.overhead().map(o -> speed * o).orElse(null);
        if (startUp == null || h == null) {
            return startUp == null ? h : startUp;
        }
        return Math.max(startUp, h);
    }

    /** Seconds left of a shard's start-up: 0 once its first combo started. */
    private Double startUpLeft(Shard s) {
        if (s.facts().workStartedAt() != null) {
            return 0.0;
        }
        Double up = startUp();
        Instant start = s.attemptStart() != null ? s.attemptStart() : s.facts().startedAt();
        return up == null ? null : Math.max(0, up - (start == null ? 0 : since(start)));
    }

    /**
     * Seconds left of a shard by the history of whole shards (start to end: everything a
     * combo-by-combo sum misses, such as the first combos' warm-up and the gaps; under the static
     * schedule this shard of the same N, under the dynamic one the average shard): its start-up as
     * this run shows it (how long a worker takes to start changes with the JVM's options and
     * archives, so the history's time outside combos stands in only until this run shows one), then
     * the rest of the history's shard, scaled by this run's speed; null without such history or
     * without the shard's start.
     */
    private Double wholeShardLeft(Shard s) {
        Instant start = s.attemptStart() != null ? s.attemptStart() : s.facts().startedAt();
        // a shard of the dynamic schedule runs whatever it claims: it takes what an average shard took
        Optional<Double> h = dynamicRun ? averageShard() : history.shard(s.index(), numShards);
        if (start == null || h.isEmpty()) {
            return null;
        }
        Optional<Double> overhead = history.overhead();
        if (overhead.isEmpty()) {
            return Math.max(0, speed * h.get() - since(start));
        }
        double work = speed * Math.max(0, h.get() - overhead.get());
        Instant workStart = s.facts().workStartedAt();
        if (workStart != null) {
            return Math.max(0, work - Duration.between(workStart, now).toMillis() / 1000.0);
        }
        Double up = startUpLeft(s);
        return up == null ? null : up + work;
    }

    /** The mean of the history's estimates of this N's shards as wholes, when it has any. */
    private Optional<Double> averageShard() {
        double sum = 0;
        int n = 0;
        for (int i = 0; i < numShards; i++) {
            Optional<Double> h = history.shard(i, numShards);
            if (h.isPresent()) {
                sum += h.get();
                n++;
            }
        }
        return n == 0 ? Optional.empty() : Optional.of(sum / n);
    }

    /**
     * The combo-by-combo estimate, raised towards the whole-shard one by the share of the combos not
     * finished yet: early on the history of whole shards knows what the sum misses (start-up, the
     * first combos' warm-up), at the end the combos left are known. Either may be unknown.
     */
    private static Double blend(Double combos, Double whole, double unseen) {
        if (combos == null || whole == null) {
            return combos == null ? whole : combos;
        }
        return combos + unseen * Math.max(0, whole - combos);
    }

    static boolean live(Shard s) {
        return s.status() == Status.RUNNING || s.status() == Status.STALLED;
    }

    private double since(Instant t) {
        return Math.max(0, Duration.between(t, now).toMillis() / 1000.0);
    }

    private static Double add(Double a, Double b) {
        return a == null || b == null ? null : a + b;
    }

    private static Double round(Double d) {
        return d == null ? null : tenths(d);
    }

    /** Seconds to a tenth: what the JSON's {@code eta_seconds} carries (the table shows whole seconds). */
    static double tenths(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
