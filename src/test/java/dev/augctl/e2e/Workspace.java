package dev.augctl.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.PackagedJar;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A user's project directory for the end-to-end tests: a copy of the shipped {@code conf/} and
 * {@code data/sample/}, where {@code bin/augctl} runs as a user types it.
 */
final class Workspace {
    final Path dir;

    private Workspace(Path dir) {
        this.dir = dir;
    }

    /** A fresh workspace in {@code dir} with the shipped configuration and sample. */
    static Workspace create(Path dir) throws IOException {
        Path home = PackagedJar.home();
        copyTree(home.resolve("conf"), dir.resolve("conf"));
        copyTree(home.resolve("data/sample"), dir.resolve("data/sample"));
        return new Workspace(dir);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** {@code bin/augctl ARGS} in this workspace, waited for (at most 5 minutes). */
    PackagedJar.Result augctl(String... args) throws IOException, InterruptedException {
        return PackagedJar.exec(dir, Map.of(), command(args));
    }

    /** The argv of {@code bin/augctl ARGS}, started so that SIGINT is delivered (not inherited as ignored). */
    static List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of("env", "--default-signal=INT",
                PackagedJar.home().resolve("bin/augctl").toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts {@code bin/augctl ARGS} in the background, output to {@code out}. */
    Process start(Path out, String... args) throws IOException {
        return new ProcessBuilder(command(args)).directory(dir.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
    }

    Path output() {
        return dir.resolve("data/processed/augsets");
    }

    Path logs() {
        return dir.resolve("logs/augment");
    }

    /** The enabled method names of the workspace's methods file, in order. */
    List<String> enabledMethods() {
        return dev.augctl.generate.augment.MethodsFile.load(dir.resolve("conf/augment_methods.yaml")).stream()
                .filter(dev.augctl.generate.augment.MethodSpec::enabled)
                .map(dev.augctl.generate.augment.MethodSpec::name)
                .toList();
    }

    /** Every combo's dataset bytes, by combo directory name. */
    Map<String, byte[]> datasets() throws IOException {
        Map<String, byte[]> result = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(output())) {
            for (Path d : (Iterable<Path>) dirs::iterator) {
                Path data = d.resolve("dataset.parquet");
                if (Files.isDirectory(d) && Files.exists(data)) {
                    result.put(d.getFileName().toString(), Files.readAllBytes(data));
                }
            }
        }
        return result;
    }

    /** Waits until {@code condition} holds, at most {@code seconds}. */
    static void await(int seconds, String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting for " + what).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The text of a file, or "" while it does not exist. */
    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "";
        }
    }
}
