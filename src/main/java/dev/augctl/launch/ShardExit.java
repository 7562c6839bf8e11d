package dev.augctl.launch;

/**
 * How one attempt of a shard ended.
 *
 * @param exitCode the exit status (for a signal death Java reports 128 + the signal number)
 * @param signal   the signal's name when the status says the process was killed by one, else null
 */
public record ShardExit(int exitCode, String signal) {
    public boolean succeeded() {
        return exitCode == 0;
    }

    /** "exit 0", "exit 3" or "SIGKILL". */
    public String describe() {
        return signal != null ? signal : "exit " + exitCode;
    }
}
