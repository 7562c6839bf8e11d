package dev.augctl.common;

import java.io.File;

/** Finding a program before running it, so that a missing one costs a look at PATH rather than a failed spawn. */
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
}
