package dev.augctl.gpu;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The tests' nvidia-smi: src/test/resources/gpu/nvidia-smi copied into a folder of its own, with the
 * answers captured from a real H200 beside it; a test replaces an answer to report its own processes.
 */
public final class FakeNvidiaSmi {
    /** The H200's UUID in the captured answers. */
    public static final String UUID = "GPU-1ab72e4e-dadd-7665-26ba-d776ef8439b0";

    private final Path dir;

    private FakeNvidiaSmi(Path dir) {
        this.dir = dir;
    }

    /** A fake in {@code dir} (created) answering as the captured H200 does. */
    public static FakeNvidiaSmi in(Path dir) throws IOException {
        Files.createDirectories(dir);
        copy("nvidia-smi", dir.resolve("nvidia-smi"));
        for (String f : List.of("L.txt", "query-gpu.csv", "query-compute-apps.csv", "pmon-c1.txt")) {
            copy("h200/" + f, dir.resolve(f));
        }
        if (!dir.resolve("nvidia-smi").toFile().setExecutable(true)) {
            throw new IOException("cannot make the fake nvidia-smi executable");
        }
        return new FakeNvidiaSmi(dir);
    }

    /** The captured answer {@code name} (for example "pmon-c1.txt"), as the resource holds it. */
    public static String captured(String name) throws IOException {
        try (InputStream in = FakeNvidiaSmi.class.getResourceAsStream("/gpu/h200/" + name)) {
            if (in == null) {
                throw new IOException("no test resource /gpu/h200/" + name);
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static void copy(String resource, Path to) throws IOException {
        try (InputStream in = FakeNvidiaSmi.class.getResourceAsStream("/gpu/" + resource)) {
            if (in == null) {
                throw new IOException("no test resource /gpu/" + resource);
            }
            Files.copy(in, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public Path dir() {
        return dir;
    }

    public Path program() {
        return dir.resolve("nvidia-smi");
    }

    /** A reader of this fake with this deadline. */
    public NvidiaSmi smi(Duration timeout) {
        return new NvidiaSmi(program().toString(), timeout);
    }

    /** Replaces the answer {@code file} (L.txt, query-gpu.csv, query-compute-apps.csv, pmon-c1.txt). */
    public FakeNvidiaSmi answer(String file, String text) throws IOException {
        Files.writeString(dir.resolve(file), text);
        return this;
    }

    /** Removes an answer: that call then fails as nvidia-smi does without a driver. */
    public FakeNvidiaSmi fail(String file) throws IOException {
        Files.deleteIfExists(dir.resolve(file));
        return this;
    }

    /** Every call from now on hangs. */
    public FakeNvidiaSmi hang() throws IOException {
        Files.writeString(dir.resolve("hang"), "");
        return this;
    }

    /** The pids of the children that hanging calls started. */
    public List<Long> hangingChildren() throws IOException {
        Path pids = dir.resolve("hang.pids");
        return Files.exists(pids) ? Files.readAllLines(pids).stream().map(Long::parseLong).toList() : List.of();
    }

    /** The arguments of every call so far, one line each. */
    public List<String> calls() throws IOException {
        Path log = dir.resolve("calls.log");
        return Files.exists(log) ? Files.readAllLines(log) : List.of();
    }

    /** An answer to --query-compute-apps: each pid holding its MiB on the H200, in order. */
    public static String apps(Map<Long, Long> mibByPid) {
        StringBuilder b = new StringBuilder();
        mibByPid.forEach((pid, mib) -> b.append(pid).append(", python3, ").append(mib).append(", ").append(UUID).append('\n'));
        return b.toString();
    }

    /** An answer to pmon -c 1: each pid at its SM %, padded as the real one is. */
    public static String pmon(Map<Long, Integer> smByPid) {
        StringBuilder b = new StringBuilder()
                .append("# gpu         pid   type     sm    mem    enc    dec    jpg    ofa    command \n")
                .append("# Idx           #    C/G      %      %      %      %      %      %    name \n");
        smByPid.forEach((pid, sm) -> b.append(String.format(java.util.Locale.ROOT,
                "    0 %10d     C %6d      2      -      -      -      -    python3        %n", pid, sm)));
        return b.toString();
    }
}
