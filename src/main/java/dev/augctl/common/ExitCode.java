package dev.augctl.common;

/** The process exit codes of every augctl command, in one place. */
public final class ExitCode {
    /** Everything asked for was done. */
    public static final int OK = 0;
    /** The work itself failed (a shard failed, an I/O error, a bug). */
    public static final int FAILED = 1;
    /** Bad usage or bad input: an unknown option, a missing file, an invalid value. */
    public static final int USAGE = 2;
    /** The launcher's terminal hung up (SIGHUP, a closed SSH session): 128 + 1. */
    public static final int SIGHUP = 129;
    /** Interrupted by SIGINT (Ctrl-C): 128 + 2. */
    public static final int SIGINT = 130;
    /** Interrupted by SIGTERM: 128 + 15. */
    public static final int SIGTERM = 143;

    private ExitCode() {
    }
}
