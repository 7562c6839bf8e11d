package dev.augctl.launch;

import java.io.IOException;
import java.util.List;

/**
 * An executor that hands shards to a scheduler in one submission (a Slurm job array) instead of
 * starting them one by one. The {@link Launcher} gives it every queued shard at once; the scheduler
 * keeps at most {@code jobs} of them running, and each task writes its own log separator when it
 * really starts. Run state, retries, the summary and stopping stay in the Launcher, as for any executor.
 */
public interface BatchExecutor extends ShardExecutor, AutoCloseable {
    /** One attempt of one shard, as handed to {@link #submit}. */
    record Attempt(ShardSpec spec, int number) {
    }

    /**
     * One submission: the scheduler's job id, the exact command that submitted it (for the record),
     * and one tracked shard per attempt, in the order given.
     */
    record Submission(String jobId, String command, List<RunningShard> shards) {
    }

    /** Submits these attempts as one batch of which at most {@code jobs} run at once. */
    Submission submit(List<Attempt> attempts, int jobs) throws IOException;

    /** A batch executor has no one-by-one start: the Launcher always calls {@link #submit}. */
    @Override
    default RunningShard start(ShardSpec spec) {
        throw new UnsupportedOperationException(name() + " submits shards in batches");
    }

    /** Stops tracking (polling threads); does not cancel anything. */
    @Override
    void close();
}
