package dev.augctl.history;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Estimates how long a combo (or a shard) of one worker will take, from the duration history:
 * <ol>
 *   <li>the combo's own history on the same input (same SHA-256): the median of those runs;</li>
 *   <li>else its own history on other inputs, scaled by input rows;</li>
 *   <li>else the mean of the combos with the same methods (a pair: the sum of its methods' means), scaled;</li>
 *   <li>else the median of every combo of that worker, scaled.</li>
 * </ol>
 * With no history for the worker there is no estimate.
 */
public final class Estimator {
    /** An estimate and the rule that gave it ({@code own}, {@code scaled}, {@code method}, {@code median}). */
    public record Estimate(double seconds, String source) {
    }

    private final List<HistoryEntry> combos;
    private final List<HistoryEntry> shards;

    /** Uses the entries of {@code worker} only. */
    public Estimator(List<HistoryEntry> history, String worker) {
        this.combos = history.stream().filter(e -> e.isCombo() && Objects.equals(e.worker(), worker)).toList();
        this.shards = history.stream().filter(e -> e.isShard() && Objects.equals(e.worker(), worker)).toList();
    }

    public boolean isEmpty() {
        return combos.isEmpty() && shards.isEmpty();
    }

    /** The estimate of a combo on an input with this checksum and row count (either may be null). */
    public Optional<Estimate> combo(String name, String methods, String inputSha256, Long inputRows) {
        List<HistoryEntry> own = combos.stream().filter(e -> e.combo().equals(name)).toList();
        Optional<Estimate> e = sameInput(own, inputSha256, "own");
        if (e.isEmpty()) {
            e = scaled(own, inputRows, false).map(s -> new Estimate(s, "scaled"));
        }
        if (e.isEmpty() && methods != null) {
            e = byMethods(methods, inputRows).map(s -> new Estimate(s, "method"));
        }
        if (e.isEmpty()) {
            e = scaled(combos, inputRows, false).map(s -> new Estimate(s, "median"));
        }
        return e;
    }

    /**
     * The estimate of shard {@code index} of {@code numShards} as a whole, from the recorded
     * durations of that shard in runs with the same N (same input first, else scaled by rows).
     */
    public Optional<Estimate> shard(int index, int numShards, String inputSha256, Long inputRows) {
        List<HistoryEntry> same = shards.stream()
                .filter(e -> e.shard() != null && e.shard() == index && e.numShards() != null && e.numShards() == numShards)
                .toList();
        Optional<Estimate> e = sameInput(same, inputSha256, "own");
        return e.isPresent() ? e : scaled(same, inputRows, false).map(s -> new Estimate(s, "scaled"));
    }

    /**
     * Seconds a shard spends outside its combos (its start-up, mostly): for each recorded shard, its
     * seconds less those of its combos in the same run; the median, over the shards on the same input
     * when there are any, else over all. Empty without shard entries.
     */
    public Optional<Double> overhead(String inputSha256) {
        Map<String, Double> comboSeconds = new HashMap<>();
        for (HistoryEntry c : combos) {
            comboSeconds.merge(c.runId() + "/" + c.shard(), c.seconds(), Double::sum);
        }
        List<HistoryEntry> pool = shards.stream().filter(e -> inputSha256 != null && inputSha256.equals(e.inputSha256())).toList();
        double[] v = (pool.isEmpty() ? shards : pool).stream().filter(e -> e.runId() != null && e.shard() != null)
                .mapToDouble(e -> e.seconds() - comboSeconds.getOrDefault(e.runId() + "/" + e.shard(), 0.0))
                .filter(x -> x >= 0).toArray();
        return v.length == 0 ? Optional.empty() : Optional.of(median(v));
    }

    private static Optional<Estimate> sameInput(List<HistoryEntry> entries, String sha, String source) {
        if (sha == null) {
            return Optional.empty();
        }
        double[] s = entries.stream().filter(e -> sha.equals(e.inputSha256())).mapToDouble(HistoryEntry::seconds).toArray();
        return s.length == 0 ? Optional.empty() : Optional.of(new Estimate(median(s), source));
    }

    /** Median (or mean) of the entries' seconds, each scaled to {@code rows} where both row counts are known. */
    private static Optional<Double> scaled(List<HistoryEntry> entries, Long rows, boolean mean) {
        double[] s = entries.stream().mapToDouble(e -> scale(e, rows)).toArray();
        if (s.length == 0) {
            return Optional.empty();
        }
        return Optional.of(mean ? Arrays.stream(s).average().orElseThrow() : median(s));
    }

    private Optional<Double> byMethods(String methods, Long rows) {
        Optional<Double> whole = mean(e -> methods.equals(e.methods()), rows);
        if (whole.isPresent() || !methods.contains("+")) {
            return whole;
        }
        double sum = 0;
        for (String part : methods.split("\\+")) {
            Optional<Double> one = mean(e -> part.equals(e.methods()), rows);
            if (one.isEmpty()) {
                return Optional.empty();
            }
            sum += one.get();
        }
        return Optional.of(sum);
    }

    private Optional<Double> mean(Predicate<HistoryEntry> which, Long rows) {
        List<HistoryEntry> m = new ArrayList<>(combos.stream().filter(which).toList());
        return scaled(m, rows, true);
    }

    private static double scale(HistoryEntry e, Long rows) {
        if (rows == null || e.inputRows() == null || e.inputRows() <= 0) {
            return e.seconds();
        }
        return e.seconds() * rows / e.inputRows();
    }

    static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }
}
