package dev.augctl.launch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The JVM options the launcher gives the built-in worker on top of {@code worker.java_opts}: they go
 * right after the java executable, so that an option of {@code java_opts} (which comes later) wins.
 *
 * <ul>
 *   <li>{@code -XX:ActiveProcessorCount=T}, the shard's thread cap: the JVM sizes its compiler and
 *       other internal threads for the shard's share of the cores, not for the whole machine that the
 *       other shards use too;</li>
 *   <li>{@code -XX:TieredStopAtLevel=1} (the quick C1 compiler alone) when the shard has one core and a
 *       small share of the work (under {@link #C1_LIMIT} variants to try). The optimizing C2 compiler
 *       costs a worker JVM 5 to 12 CPU-seconds (about half of a short shard's CPU) and, with one core,
 *       takes them from the work; its code runs the work about twice as fast, which pays back only
 *       for a larger share. Measured in docs/BENCHMARKS.md ("generate: per-shard cost").</li>
 *   <li>the class-data archive's options ({@link ClassDataArchive}), for local shards.</li>
 * </ul>
 * run.json records them apart ({@code jvm_options}) as well as inside the argv, so that a retry can
 * replace them with today's.
 */
final class WorkerJvm {
    private WorkerJvm() {
    }

    /** Variants to try per shard (rows × combos × variants per row) below which C1 alone does better on one core. */
    static final long C1_LIMIT = 500_000;

    /**
     * @param threads  the shard's thread cap
     * @param variants the shard's share of the work in variants to try, or 0 when unknown
     */
    static List<String> options(int threads, long variants) {
        List<String> all = new ArrayList<>();
        all.add("-XX:ActiveProcessorCount=" + threads);
        if (threads == 1 && variants > 0 && variants < C1_LIMIT) {
            all.add("-XX:TieredStopAtLevel=1");
        }
        return all;
    }

    /** Whether {@code argv} holds the launcher's block {@code options} (a non-empty one). */
    static boolean holds(List<String> argv, List<String> options) {
        return !options.isEmpty() && Collections.indexOfSubList(argv, options) >= 0;
    }

    /**
     * {@code argv} with the block {@code old} (as a launcher inserted it) replaced by {@code now};
     * {@code argv} itself when it does not hold {@code old} (an argv recorded before such blocks existed).
     */
    static List<String> replace(List<String> argv, List<String> old, List<String> now) {
        if (!holds(argv, old)) {
            return argv;
        }
        int at = Collections.indexOfSubList(argv, old);
        List<String> out = new ArrayList<>(argv.subList(0, at));
        out.addAll(now);
        out.addAll(argv.subList(at + old.size(), argv.size()));
        return out;
    }
}
