package dev.augctl.generate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs {@code java -jar augctl.jar generate ...} as a child process, as the launcher does. */
public final class WorkerProcess {
    private WorkerProcess() {
    }

    /** The fat jar under test (failsafe passes its path). */
    public static Path jar() {
        String jar = System.getProperty("augctl.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property augctl.jar must name the packaged jar (run through failsafe), got " + jar);
        }
        return Path.of(jar);
    }

    /** The project root (the working directory of the child). */
    public static Path home() {
        return Path.of(System.getProperty("augctl.home", "."));
    }

    /** Starts the worker with its stdout and stderr going to {@code log}. */
    public static Process start(Path log, String... generateArgs) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar().toString()));
        cmd.addAll(List.of(generateArgs));
        return new ProcessBuilder(cmd).directory(home().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
    }

    /** Runs the worker to its end (at most 5 minutes) and returns its exit code. */
    public static int run(Path log, String... generateArgs) throws IOException, InterruptedException {
        Process p = start(log, generateArgs);
        try {
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("worker did not finish in 5 minutes; log: " + Files.readString(log));
            }
            return p.exitValue();
        } finally {
            p.destroyForcibly();
        }
    }
}
