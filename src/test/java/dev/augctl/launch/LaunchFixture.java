package dev.augctl.launch;

import static org.assertj.core.api.Assertions.fail;

import dev.augctl.run.RunState;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** Test helpers: the helper workers, a config in a temp dir, and a launcher run as its own JVM. */
final class LaunchFixture implements AutoCloseable {
    final Path dir;
    final Path logDir;
    final Path config;
    private final List<Process> started = new ArrayList<>();
    private final List<Long> pidsToReap = new ArrayList<>();

    LaunchFixture(Path dir) {
        this.dir = dir;
        this.logDir = dir.resolve("logs");
        this.config = dir.resolve("augctl.yaml");
    }

    /** The output root of the config this fixture writes. */
    Path outputRoot() {
        return dir.resolve("out");
    }

    /** The absolute path of a helper worker script from src/test/resources/workers. */
    static String worker(String name) {
        try {
            return Path.of(LaunchFixture.class.getResource("/workers/" + name).toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes a config with this worker argv (YAML-quoted), N shards, logs and caches in the temp dir. */
    LaunchFixture config(int numShards, double grace, String... command) throws IOException {
        String argv = java.util.Arrays.stream(command).map(LaunchFixture::yamlQuote).collect(Collectors.joining(", "));
        Files.writeString(config, "num_shards: " + numShards + "\n"
                + "log_dir: " + yamlQuote(logDir.toString()) + "\n"
                + "cache_dir: " + yamlQuote(dir.resolve("cache").toString()) + "\n"
                + "output_root: " + yamlQuote(outputRoot().toString()) + "\n"
                + "grace_period: " + grace + "\n"
                + "worker:\n  command: [" + argv + "]\n");
        return this;
    }

    static String yamlQuote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Starts {@code augctl args...} as a separate JVM, with SIGINT reset to its default first (a JVM
     * started in the background by a non-interactive shell would otherwise ignore it).
     */
    Process augctl(String... args) throws IOException {
        return augctl(List.of("--default-signal=INT"), args);
    }

    /** As {@link #augctl(String...)}, with these options of {@code env} (signal dispositions). */
    Process augctl(List<String> envOptions, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("env"));
        cmd.addAll(envOptions);
        cmd.addAll(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.augctl.Main"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out-" + started.size() + ".txt").toFile()).start();
        started.add(p);
        return p;
    }

    /** What the n-th started augctl printed. */
    String output(int n) throws IOException {
        return Files.readString(dir.resolve("out-" + n + ".txt"));
    }

    int exit(Process p, Duration timeout) throws InterruptedException {
        if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            fail("augctl did not end within " + timeout);
        }
        return p.exitValue();
    }

    Optional<RunState> runState() {
        try {
            return RunState.read(logDir.resolve("run.json"));
        } catch (RuntimeException e) {
            return Optional.empty(); // caught between writes of a launcher in another JVM
        }
    }

    /** Reads pids (whitespace-separated) written by a helper worker, waiting for the file. */
    List<Long> pids(Path file) throws Exception {
        await(Duration.ofSeconds(30), "pid file " + file, () -> Files.exists(file));
        List<Long> pids = new ArrayList<>();
        for (String s : Files.readString(file).trim().split("\\s+")) {
            pids.add(Long.parseLong(s));
        }
        pidsToReap.addAll(pids);
        return pids;
    }

    /** Whether a process is running: alive and not a zombie (this machine's init may not reap orphans). */
    static boolean running(long pid) {
        Path stat = Path.of("/proc", Long.toString(pid), "stat");
        try {
            String s = Files.readString(stat);
            char state = s.charAt(s.lastIndexOf(')') + 2);
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            return false;
        }
    }

    /** The running processes (zombies excluded) whose session is one of {@code sessions}, as "pid (session)". */
    static List<String> sessionMembers(List<Long> sessions) throws IOException {
        List<String> members = new ArrayList<>();
        try (var dirs = Files.list(Path.of("/proc"))) {
            for (Path p : dirs.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                String stat;
                try {
                    stat = Files.readString(p.resolve("stat"));
                } catch (IOException e) {
                    continue; // ended meanwhile
                }
                // After the command name: state ppid pgrp session ...
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long session = Long.parseLong(fields[3]);
                if (sessions.contains(session) && !fields[0].equals("Z") && !fields[0].equals("X")) {
                    members.add(p.getFileName() + " (" + session + ")");
                }
            }
        }
        return members;
    }

    /** Whether SIGINT is ignored by a process (bit 2 of SigIgn in /proc/PID/status). */
    static boolean ignoresSigint(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseLong(line.substring(7).trim(), 16) & 0x2) != 0;
            }
        }
        return false;
    }

    static void await(Duration timeout, String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    @Override
    public void close() {
        for (Process p : started) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (long pid : pidsToReap) {
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
        }
        for (Process p : started) {
            try {
                p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
