package dev.augctl.launch;

import java.time.Instant;

/**
 * How one attempt of a shard ended.
 *
 * @param exitCode the exit status (for a signal death Java reports 128 + the signal number)
 * @param signal   the signal's name when the status says the process was killed by one, else null
 * @param endedAt  when it ended, as the executor knows it (a Slurm task writes it), or null: then
 *                 the moment the launcher learnt of the end counts
 */
public record ShardExit(int exitCode, String signal, Instant endedAt) {
    public ShardExit(int exitCode, String signal) {
        this(exitCode, signal, null);
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** Exit 2 is the worker contract's "bad input": running it again would fail the same way. */
    public boolean badInput() {
        return signal == null && exitCode == dev.augctl.common.ExitCode.USAGE;
    }

    /** "exit 0", "exit 3" or "SIGKILL". */
    public String describe() {
        return signal != null ? signal : "exit " + exitCode;
    }
}
