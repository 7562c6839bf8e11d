package dev.augctl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged jar (or bin/augctl) as a user would, for the process-level *IT tests. */
public final class PackagedJar {
    /** What one process printed and returned. */
    public record Result(int exitCode, String out, String err) {
    }

    private PackagedJar() {
    }

    /** The fat jar built by `mvn package` (failsafe passes its path). */
    public static Path jar() {
        String path = System.getProperty("augctl.jar", "target/augctl.jar");
        Path jar = Path.of(path).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("packaged jar not found: " + jar + " (run mvn package first)");
        }
        return jar;
    }

    /** The project root (failsafe passes it; defaults to the working directory). */
    public static Path home() {
        return Path.of(System.getProperty("augctl.home", ".")).toAbsolutePath().normalize();
    }

    /** The java executable running the tests. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs {@code java -jar augctl.jar args} in {@code dir} and waits (at most 5 minutes). */
    public static Result run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(java(), "-jar", jar().toString()));
        cmd.addAll(List.of(args));
        return exec(dir, Map.of(), cmd);
    }

    /** Runs any command in {@code dir} with extra environment variables and waits (at most 5 minutes). */
    public static Result exec(Path dir, Map<String, String> env, List<String> cmd) throws IOException, InterruptedException {
        Path out = Files.createTempFile("augctl-it", ".out");
        Path err = Files.createTempFile("augctl-it", ".err");
        try {
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
            pb.environment().putAll(env);
            Process p = pb.start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + cmd);
            }
            return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
