import dev.augctl.monitor.Monitor;
import dev.augctl.monitor.MonitorSettings;
import dev.augctl.monitor.PatternSet;
import dev.augctl.monitor.Snapshot;
import dev.augctl.serve.BindAddress;
import dev.augctl.serve.DashboardServer;
import dev.augctl.serve.DashboardSettings;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.stream.Stream;

/**
 * Measures the dashboard in-process on a directory of shard logs: the first scan, then refreshes
 * (monitor refresh + publish to the server) that each find 1 KB appended to every log, and the
 * GET /api/state that follows each one (the appends are not timed).
 * Usage: java -cp target/classes:DEPS:BENCHCLASSES DashboardBench LOG_DIR PATTERNS [REFRESHES]
 */
public final class DashboardBench {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        PatternSet patterns = PatternSet.load(Path.of(args[1]), true);
        int refreshes = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        Path[] logs;
        try (Stream<Path> s = Files.list(dir)) {
            logs = s.filter(p -> p.getFileName().toString().matches("shard_\\d+_of_\\d+\\.log")).sorted().toArray(Path[]::new);
        }
        long bytes = 0;
        for (Path p : logs) {
            bytes += Files.size(p);
        }
        MonitorSettings settings = new MonitorSettings(dir, logs.length, logs.length, null, Duration.ofSeconds(1), Duration.ofDays(365));
        Monitor monitor = new Monitor(settings, patterns);
        DashboardServer server = DashboardServer.start(new DashboardSettings(BindAddress.parse("0"), dir,
                dir.resolve("manifest_final.csv"), "combo", "rows", Duration.ofSeconds(1)), new PrintWriter(System.err, true));
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest state = HttpRequest.newBuilder(server.url().resolve("/api/state")).build();

        long t0 = System.nanoTime();
        Snapshot first = monitor.refresh();
        server.publish(first);
        System.out.printf("first scan + publish: %d logs, %.0f MB in %.2f s%n", logs.length, bytes / 1e6, (System.nanoTime() - t0) / 1e9);

        byte[] kb = oneKilobyte();
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        double[] refresh = new double[refreshes];
        double[] cpu = new double[refreshes];
        double[] get = new double[refreshes];
        long size = 0;
        for (int i = 0; i < refreshes; i++) {
            for (Path p : logs) {
                Files.write(p, kb, StandardOpenOption.APPEND);
            }
            long c = mx.getCurrentThreadCpuTime();
            long t = System.nanoTime();
            server.publish(monitor.refresh());
            refresh[i] = (System.nanoTime() - t) / 1e6;
            cpu[i] = (mx.getCurrentThreadCpuTime() - c) / 1e6;
            t = System.nanoTime();
            size = http.send(state, HttpResponse.BodyHandlers.ofByteArray()).body().length;
            get[i] = (System.nanoTime() - t) / 1e6;
        }
        server.close();
        System.out.printf("refresh + publish after 1 KB appended to each of %d logs (%d refreshes): wall median %.1f ms, p90 %.1f ms, max %.1f ms; CPU median %.1f ms%n",
                logs.length, refreshes, median(refresh), p90(refresh), max(refresh), median(cpu));
        System.out.printf("GET /api/state (%d bytes): median %.1f ms, p90 %.1f ms, max %.1f ms%n", size, median(get), p90(get), max(get));
        System.out.printf("per refresh, both together: median %.1f ms%n", median(sum(refresh, get)));
    }

    private static double[] sum(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    private static double median(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    private static double p90(double[] a) {
        double[] s = a.clone();
        Arrays.sort(s);
        return s[(int) (s.length * 0.9)];
    }

    private static double max(double[] a) {
        return Arrays.stream(a).max().orElse(0);
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
