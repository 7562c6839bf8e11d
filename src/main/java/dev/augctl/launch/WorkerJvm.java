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
 *   <li>the class-data archive's options ({@link ClassDataArchive}), for local shards.</li>
 * </ul>
 * run.json records them apart ({@code jvm_options}) as well as inside the argv, so that a retry can
 * replace them with today's.
 */
final class WorkerJvm {
    private WorkerJvm() {
    }

    static List<String> options(int threads, List<String> archive) {
        List<String> all = new ArrayList<>();
        all.add("-XX:ActiveProcessorCount=" + threads);
        all.addAll(archive);
        return all;
    }

    /**
     * {@code argv} with the block {@code old} (as a launcher inserted it) replaced by {@code now};
     * {@code argv} itself when it does not hold {@code old} (an argv recorded before such blocks existed).
     */
    static List<String> replace(List<String> argv, List<String> old, List<String> now) {
        int at = old.isEmpty() ? -1 : Collections.indexOfSubList(argv, old);
        if (at < 0) {
            return argv;
        }
        List<String> out = new ArrayList<>(argv.subList(0, at));
        out.addAll(now);
        out.addAll(argv.subList(at + old.size(), argv.size()));
        return out;
    }
}
