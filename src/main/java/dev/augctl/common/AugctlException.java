package dev.augctl.common;

/**
 * An error the user can act on: a one-line message (naming the file, line, key or value) and the
 * exit code it maps to. Printed without a stack trace unless {@code --verbose}.
 */
public class AugctlException extends RuntimeException {
    private final int exitCode;

    public AugctlException(int exitCode, String message) {
        super(message);
        this.exitCode = exitCode;
    }

    public AugctlException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Bad usage or bad input (exit 2). */
    public static AugctlException badInput(String message) {
        return new AugctlException(ExitCode.USAGE, message);
    }

    /** Bad usage or bad input (exit 2), keeping the cause for {@code --verbose}. */
    public static AugctlException badInput(String message, Throwable cause) {
        return new AugctlException(ExitCode.USAGE, message, cause);
    }

    /** The work failed (exit 1). */
    public static AugctlException failed(String message, Throwable cause) {
        return new AugctlException(ExitCode.FAILED, message, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
