package dev.augctl.launch;

import java.io.IOException;

/**
 * Where shards run: the one piece that differs between running shards as local processes and
 * submitting them to a scheduler. Run state, retries, the summary and signal handling stay in
 * {@link Launcher} and are shared by every executor.
 */
public interface ShardExecutor {
    /** The executor's name as recorded in run.json ({@code local}, {@code slurm}). */
    String name();

    /**
     * Starts one attempt of a shard. The launcher has already written the attempt's separator line
     * to the log. Throws when the shard could not be started at all (the attempt then fails).
     */
    RunningShard start(ShardSpec spec) throws IOException;
}
