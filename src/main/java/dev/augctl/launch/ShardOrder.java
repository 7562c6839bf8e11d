package dev.augctl.launch;

import dev.augctl.config.StartOrder;
import dev.augctl.history.ComboKey;
import dev.augctl.history.Estimator;
import dev.augctl.history.HistoryEntry;
import dev.augctl.history.HistoryFile;
import dev.augctl.history.InputFingerprint;
import dev.augctl.history.LptOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The order in which a launch starts its shards. When N > J and a duration history exists, longest
 * estimated first (LPT list scheduling: the long shards do not end up last, alone); else index order.
 * A shard's estimate: for the built-in worker's static schedule, the sum of its combos' estimates;
 * for any worker, its own recorded durations in runs with the same N.
 *
 * @param order     the shards to run, in start order
 * @param estimates seconds per shard, for those that have one
 * @param why       one phrase saying which order and why
 */
public record ShardOrder(List<Integer> order, Map<Integer, Double> estimates, String why) {

    public static ShardOrder of(LaunchSettings s, WorkerTemplate template, List<Integer> toRun, Consumer<String> warn) {
        if (s.order == StartOrder.INDEX) {
            return new ShardOrder(toRun, Map.of(), "index order (--order index)");
        }
        if (s.dynamic(template)) {
            return new ShardOrder(toRun, Map.of(), "index order: with the dynamic schedule every shard claims the "
                    + "longest combo left, so the shards are interchangeable");
        }
        if (toRun.size() <= s.jobs && s.order == null) {
            return new ShardOrder(toRun, Map.of(), "index order: every shard starts at once");
        }
        HistoryFile file = HistoryFile.in(s.logDir);
        List<HistoryEntry> history = file.read(warn);
        Estimator estimator = new Estimator(history, template.workerName());
        if (estimator.isEmpty()) {
            if (s.order == StartOrder.LPT) {
                warn.accept("--order lpt: " + file.path() + " has no durations of '" + template.workerName()
                        + "' yet; shards start in index order");
            }
            return new ShardOrder(toRun, Map.of(), "index order: no duration history yet");
        }
        InputFingerprint input = s.input();
        Map<Integer, List<ComboKey>> combos = s.builtinCombos;
        Map<Integer, Double> estimates = new HashMap<>();
        for (int i : toRun) {
            estimate(estimator, i, s.numShards, combos.get(i), input).ifPresent(e -> estimates.put(i, e));
        }
        return new ShardOrder(LptOrder.of(toRun, estimates), estimates,
                "longest estimated first (LPT), from " + file.path());
    }

    private static Optional<Double> estimate(Estimator estimator, int shard, int n, List<ComboKey> combos, InputFingerprint in) {
        if (combos != null) {
            double sum = 0;
            for (ComboKey c : combos) {
                Optional<Estimator.Estimate> e = estimator.combo(c.name(), c.methods(), in.sha256(), in.rows());
                if (e.isEmpty()) {
                    return Optional.empty();
                }
                sum += e.get().seconds();
            }
            return Optional.of(sum);
        }
        return estimator.shard(shard, n, in.sha256(), in.rows()).map(Estimator.Estimate::seconds);
    }

    /** "~12.3s", or "?" without an estimate. */
    public String estimate(int shard) {
        Double e = estimates.get(shard);
        return e == null ? "?" : String.format(Locale.ROOT, "~%.1fs", e);
    }
}
