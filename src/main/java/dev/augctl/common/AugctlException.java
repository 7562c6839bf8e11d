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

    /**
     * An I/O error as one line naming the path and the cause ("data/out/x.parquet: No space left on
     * device"), exit 1: the JDK's exceptions name the path in some cases and only the cause in others.
     */
    public static AugctlException io(java.io.IOException e) {
        String message;
        if (e instanceof java.nio.file.FileSystemException f && f.getFile() != null) {
            message = f.getFile() + (f.getOtherFile() != null ? " -> " + f.getOtherFile() : "") + ": "
                    + (f.getReason() != null ? f.getReason() : e.getClass().getSimpleName());
        } else {
            message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        }
        return failed(message, e);
    }

    public int exitCode() {
        return exitCode;
    }
}
