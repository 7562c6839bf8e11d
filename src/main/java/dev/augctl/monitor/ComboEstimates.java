package dev.augctl.monitor;

import dev.augctl.history.Estimator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a combo of the run being watched should take (docs/MONITOR.md, "ETA"), from what this run's
 * combos took so far (per method and on average, rows-weighted) and the duration history scaled by
 * this run's speed against it.
 */
final class ComboEstimates {
    private static final Pattern COMBO_PREFIX = Pattern.compile("^combo_\\d+_");
    private final List<EtaEstimator.Shard> shards;
    private final RunHistory history;
    private final Instant now;
    /** The rows of a combo whose progress lines gave none: the median of those that did, else 1 (combos as units). */
    private final double typicalRows;
    private final List<Seen> seen = new ArrayList<>();
    /** Per method: seconds and rows done of this run's combos that use it (a combo's seconds shared among its methods). */
    private final Map<String, double[]> byMethod = new HashMap<>();
    /** The combos with progress, by shard and name, to leave a combo out of its own rate. */
    private final Map<String, Seen> progressed = new HashMap<>();
    /** The methods of each combo name seen (a name's methods are parsed once per snapshot). */
    private final Map<String, List<String>> methodsOf = new HashMap<>();
    /** Seconds per row (or per combo) over everything of this run, null when nothing progressed yet. */
    private final Double runRate;
    /** This run's time over the history's estimate for the same work (1 when they share nothing). */
    private final double speed;

    ComboEstimates(List<EtaEstimator.Shard> shards, RunHistory history, Instant now) {
        this.shards = shards;
        this.history = history;
        this.now = now;
        this.typicalRows = typicalRows(shards);
        for (EtaEstimator.Shard s : shards) {
            LogFacts f = s.facts();
            for (ComboRun c : f.finished()) {
                if (c.seconds() != null) {
                    seen.add(new Seen(s.index(), c.name(), methods(c.name()), c.seconds(), rows(c.rows()), 1, false));
                }
            }
            if (EtaEstimator.live(s) && f.current() != null && f.currentStartedAt() != null) {
                seen.add(new Seen(s.index(), f.current(), methods(f.current()), since(f.currentStartedAt()),
                        rows(f.currentRows()), f.fraction(), true));
            }
        }
        for (Seen c : seen) {
            if (c.done() > 0) {
                progressed.put(c.shard() + "\n" + c.name(), c);
                for (String m : c.methods()) {
                    double[] t = byMethod.computeIfAbsent(m, k -> new double[2]);
                    t[0] += c.seconds() / c.methods().size();
                    t[1] += c.done();
                }
            }
        }
        this.runRate = runRate(seen);
        this.speed = computeSpeed();
    }

    /**
     * A combo of this run: seconds spent so far, its size in rows (in combos, without row counts) and
     * the fraction of it done.
     */
    private record Seen(int shard, String name, List<String> methods, double seconds, double size, double fraction,
            boolean running) {
        double done() {
            return size * fraction;
        }
    }

    /**
     * Seconds a whole combo should take (null name: a combo of the run not known by name): its own
     * history scaled by this run's speed, else its methods' rate in this run (leaving out the combo
     * itself, in {@code shard}), else the history's coarser rules scaled, else this run's average rate.
     */
    Double prior(int shard, String name, Long rows) {
        double size = rows(rows);
        if (name != null) {
            List<String> methods = methods(name);
            Optional<Estimator.Estimate> h = history.combo(name, String.join("+", methods));
            if (h.isPresent() && (h.get().source().equals("own") || h.get().source().equals("scaled"))) {
                return speed * h.get().seconds();
            }
            Double perRow = methodsRate(methods, shard, name);
            if (perRow != null) {
                return size * perRow;
            }
            if (h.isPresent()) {
                return speed * h.get().seconds();
            }
        }
        if (runRate != null) {
            return size * runRate;
        }
        return history.combo(null, null).map(e -> speed * e.seconds()).orElse(null);
    }

    /**
     * Seconds per row of a combo of these methods from this run's other combos (finished or running)
     * that use them, rows-weighted; a combo's seconds are shared equally among its methods. Null
     * unless each method was seen.
     */
    private Double methodsRate(List<String> methods, int shard, String except) {
        Seen own = except == null ? null : progressed.get(shard + "\n" + except); // left out of its own rate
        double sum = 0;
        for (String m : methods) {
            double[] t = byMethod.get(m);
            double seconds = t == null ? 0 : t[0];
            double done = t == null ? 0 : t[1];
            if (own != null && own.methods().contains(m)) {
                seconds -= own.seconds() / own.methods().size();
                done -= own.done();
            }
            if (done <= 1e-9) {
                return null;
            }
            sum += seconds / done;
        }
        return methods.isEmpty() ? null : sum;
    }

    /**
     * Seconds per row over this run's combos, rows-weighted. Before any has progressed, a running
     * combo is taken to last twice what it has run so far (all that is known is that it lasts longer),
     * which keeps the estimate rough (the table's {@code ~}) rather than absent.
     */
    private static Double runRate(List<Seen> seen) {
        double seconds = 0;
        double done = 0;
        for (Seen c : seen) {
            if (c.done() > 0) {
                seconds += c.seconds();
                done += c.done();
            }
        }
        if (done > 0) {
            return seconds / done;
        }
        double[] guesses = seen.stream().filter(c -> c.running() && c.seconds() > 0)
                .mapToDouble(c -> 2 * c.seconds() / c.size()).toArray();
        return guesses.length == 0 ? null : Arrays.stream(guesses).average().orElseThrow();
    }

    /**
     * This run's seconds over the history's for the same combos. A finished combo counts whole; one
     * under way counts what it has run against as much of its estimate (its progress's share, at
     * least its time so far up to the whole estimate), so that it weighs only once it is slower than
     * the history; so does a shard still starting up against the history's time outside combos (a
     * finished start-up does not count: how long the worker takes to start says little about its
     * combos). 1 when this run shares nothing with the history.
     */
    double speed() {
        return speed;
    }

    private double computeSpeed() {
        if (history.isEmpty()) {
            return 1;
        }
        double actual = 0;
        double expected = 0;
        for (Seen c : seen) {
            Optional<Estimator.Estimate> h = history.combo(c.name(), String.join("+", c.methods()));
            if (h.isPresent() && c.seconds() > 0) {
                double whole = h.get().seconds();
                actual += c.seconds();
                expected += c.running() ? Math.max(c.fraction() * whole, Math.min(whole, c.seconds())) : whole;
            }
        }
        Optional<Double> overhead = history.overhead();
        for (EtaEstimator.Shard s : overhead.isPresent() ? shards : List.<EtaEstimator.Shard>of()) {
            Instant start = s.attemptStart() != null ? s.attemptStart() : s.facts().startedAt();
            if (start != null && EtaEstimator.live(s) && s.facts().workStartedAt() == null) {
                actual += since(start);
                expected += Math.min(overhead.get(), since(start));
            }
        }
        return expected > 0 && actual > 0 ? actual / expected : 1;
    }

    /** The methods of a combo: as the history records them, else from its name ({@code combo_2_a+b}: a and b). */
    private List<String> methods(String name) {
        return methodsOf.computeIfAbsent(name, n -> {
            String m = history.methods(n);
            return List.of((m != null ? m : COMBO_PREFIX.matcher(n).replaceFirst("")).split("\\+"));
        });
    }

    private double rows(Long rows) {
        return rows != null && rows > 0 ? rows : typicalRows;
    }

    private static double typicalRows(List<EtaEstimator.Shard> shards) {
        double[] r = shards.stream().flatMap(s -> {
            List<Long> all = new ArrayList<>();
            s.facts().finished().forEach(c -> all.add(c.rows()));
            all.add(s.facts().currentRows());
            return all.stream();
        }).filter(n -> n != null && n > 0).mapToDouble(Long::doubleValue).sorted().toArray();
        return r.length == 0 ? 1 : r[r.length / 2];
    }

    private double since(Instant t) {
        return Math.max(0, Duration.between(t, now).toMillis() / 1000.0);
    }
}
