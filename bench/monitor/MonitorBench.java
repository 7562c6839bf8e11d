import dev.augctl.monitor.Monitor;
import dev.augctl.monitor.MonitorSettings;
import dev.augctl.monitor.PatternSet;
import dev.augctl.monitor.Snapshot;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Measures augctl monitor in-process: the first full scan of every log in a directory, then
 * refreshes that each find 1 KB appended to every log (the appends are not timed).
 * Usage: java -cp target/classes:DEPS:BENCHCLASSES MonitorBench LOG_DIR PATTERNS [REFRESHES [READ_THREADS]]
 */
public final class MonitorBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        PatternSet patterns = PatternSet.load(Path.of(args[1]), true);
        int refreshes = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : Runtime.getRuntime().availableProcessors();
        Path[] logs;
        try (Stream<Path> s = Files.list(dir)) {
            logs = s.filter(p -> p.getFileName().toString().matches("shard_\\d+_of_\\d+\\.log")).sorted().toArray(Path[]::new);
        }
        long bytes = 0;
        for (Path p : logs) {
            bytes += Files.size(p);
        }
        MonitorSettings settings = new MonitorSettings(dir, logs.length, logs.length, null,
                Duration.ofSeconds(10), Duration.ofDays(365));
        Monitor monitor = new Monitor(settings, patterns, java.time.Clock.systemDefaultZone(), threads);

        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Snapshot first = monitor.refresh();
        double scan = (System.nanoTime() - t0) / 1e9;
        double cpu = (os.getProcessCpuTime() - c0) / 1e9;
        System.out.printf("first scan (%d thread%s): %d logs, %.1f MB in %.3f s = %.0f MB/s (process CPU %.3f s, JIT included); shard 0: %d combos done, %s rows%n",
                threads, threads == 1 ? "" : "s", logs.length, bytes / 1e6, scan, bytes / 1e6 / scan, cpu, first.shards().get(0).combosDone(), first.shards().get(0).rows());

        byte[] kb = oneKilobyte();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] ms = new double[refreshes];
        double[] cpuMs = new double[refreshes];
        for (int i = 0; i < refreshes; i++) {
            for (Path p : logs) {
                Files.write(p, kb, StandardOpenOption.APPEND);
            }
            long c = mx.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            monitor.refresh();
            ms[i] = (System.nanoTime() - t) / 1e6;
            cpuMs[i] = (mx.getCurrentThreadCpuTime() - c) / 1e6;
        }
        Arrays.sort(ms);
        Arrays.sort(cpuMs);
        System.out.printf("refresh after 1 KB appended to each of %d logs (%d refreshes): wall median %.2f ms, p90 %.2f ms, max %.2f ms;"
                + " CPU median %.2f ms, max %.2f ms%n",
                logs.length, refreshes, ms[refreshes / 2], ms[(int) (refreshes * 0.9)], ms[refreshes - 1],
                cpuMs[refreshes / 2], cpuMs[refreshes - 1]);
    }

    /** About 1 KB of progress lines in the built-in worker's format. */
    private static byte[] oneKilobyte() {
        StringBuilder b = new StringBuilder();
        int k = 0;
        while (b.length() < 1024 - 80) {
            b.append(Instant.now()).append(" INFO  combo 7/9 progress: ").append(++k * 10).append("/3000 rows (1.0%)\n");
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
