package dev.augctl.common;

import java.io.File;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Finding a program before running it, so that a missing one costs a look at PATH rather than a failed
 * spawn; and running a short one whose only answer is its exit code.
 */
public final class Programs {
    private Programs() {
    }

    /** Whether {@code program} can be run: a file path that is executable, or a name found on PATH. */
    public static boolean resolvable(String program) {
        if (program.contains(File.separator)) {
            return new File(program).canExecute();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && new File(dir, program).canExecute()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Runs {@code command} with its output discarded and waits at most {@code timeout}: true when it
     * exited 0 in time (one that does not is killed).
     */
    public static boolean succeeds(List<String> command, Duration timeout) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
