package dev.augctl.monitor;

import dev.augctl.common.HostName;
import dev.augctl.common.ProcessTree;
import dev.augctl.common.ShardPaths;
import dev.augctl.gpu.GpuSample;
import dev.augctl.gpu.NvidiaSmi;
import dev.augctl.run.RunState;
import dev.augctl.run.ShardRecord;
import dev.augctl.run.ShardState;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The monitor's engine: each {@link #refresh()} reads run.json, reads only what each shard log
 * gained since the last refresh, samples the shards' processes, and returns a {@link Snapshot}.
 */
public final class Monitor {
    /** The read buffer of each reading thread. */
    private static final int READ_BUFFER = 1 << 20;
    /** Below this many unread bytes in all, one thread reads every log (no thread start-up). */
    static final long PARALLEL_BYTES = 32L << 20;
    /** A GPU reading younger than this is used again rather than asked anew. */
    private static final long GPU_REUSE_NANOS = 1_000_000_000L;

    private final MonitorSettings settings;
    private final PatternSet patterns;
    private final Clock clock;
    private final ZoneId zone;
    private final ByteBuffer buffer = ByteBuffer.allocate(READ_BUFFER);
    private final int readThreads;
    private final long parallelBytes;
    private final Map<Path, Tracker> trackers = new HashMap<>();
    private final Map<Integer, ProcessUsage.Reading> lastReading = new HashMap<>();
    private final String hostName = HostName.get();
    private final RunHistory.Loader history;
    private boolean cpuPending;
    private NvidiaSmi nvidiaSmi = NvidiaSmi.onPath();
    /** The latest GPU reading (null: none) and when it was asked for (System.nanoTime; 0: never). */
    private GpuSample lastGpu;
    private long lastGpuAt;

    /** The state kept for one log between refreshes. */
    private static final class Tracker {
        final LogTailer tailer;
        final ShardLog log;
        long lastGrowthMillis;

        Tracker(Path path, PatternSet patterns, ZoneId zone) {
            this.log = new ShardLog(patterns, zone);
            this.tailer = new LogTailer(path, log);
        }
    }

    public Monitor(MonitorSettings settings, PatternSet patterns, Clock clock) {
        this(settings, patterns, clock, Runtime.getRuntime().availableProcessors());
    }

    /**
     * A monitor that reads a large backlog (the first scan of big logs) with up to
     * {@code readThreads} threads, one log per thread at a time.
     */
    public Monitor(MonitorSettings settings, PatternSet patterns, Clock clock, int readThreads) {
        this(settings, patterns, clock, readThreads, PARALLEL_BYTES);
    }

    Monitor(MonitorSettings settings, PatternSet patterns, Clock clock, int readThreads, long parallelBytes) {
        this.parallelBytes = parallelBytes;
        this.readThreads = Math.max(1, readThreads);
        this.settings = settings;
        this.patterns = patterns;
        this.clock = clock;
        this.zone = clock.getZone();
        this.history = new RunHistory.Loader(settings.logDir());
    }

    public Monitor(MonitorSettings settings, PatternSet patterns) {
        this(settings, patterns, Clock.systemDefaultZone());
    }

    /** Reads GPUs with this nvidia-smi (another program or timeout) instead of the one on PATH. */
    public Monitor nvidiaSmi(NvidiaSmi smi) {
        this.nvidiaSmi = smi;
        return this;
    }

    /** Reads what changed since the last refresh and returns the new state of every shard. */
    public Snapshot refresh() throws IOException {
        GpuSample gpu = gpuSample();
        Path runFile = ShardPaths.runState(settings.logDir());
        RunState run = RunState.read(runFile).orElse(null);
        List<ShardLayout.Entry> entries = ShardLayout.resolve(settings, run);
        Instant now = clock.instant();
        Liveness liveness = new Liveness(run, hostName);
        cpuPending = false;
        List<ShardRow> rows = new ArrayList<>(entries.size());
        List<Double> durations = new ArrayList<>();
        Map<Path, Tracker> seen = new java.util.LinkedHashMap<>();
        for (ShardLayout.Entry e : entries) {
            seen.put(e.log(), trackers.computeIfAbsent(e.log(), p -> new Tracker(p, patterns.copy(), zone)));
        }
        readAll(List.copyOf(new java.util.LinkedHashSet<>(seen.values())), now);
        List<EtaEstimator.Shard> forEta = new ArrayList<>(entries.size());
        for (ShardLayout.Entry e : entries) {
            Tracker t = seen.get(e.log());
            LogFacts facts = t.log.facts();
            ShardRow row = withGpu(row(e, t, facts, now, liveness), e.record(), gpu);
            rows.add(row);
            forEta.add(new EtaEstimator.Shard(e.index(), row.status(), facts, parse(row.startedAt())));
            Double d = duration(e.record(), facts);
            if (d != null && row.status() == Status.SUCCEEDED) {
                durations.add(d);
            }
        }
        trackers.keySet().retainAll(seen.keySet());
        Integer inRun = forEta.stream().map(f -> f.facts().combosInRun()).filter(java.util.Objects::nonNull)
                .max(Integer::compare).orElse(null);
        int slots = run != null && run.jobs > 0 ? run.jobs
                : settings.configJobs() != null ? settings.configJobs() : Math.max(1, rows.size());
        EtaEstimator.Result eta = new EtaEstimator(forEta, history.load(run), now, slots).estimate();
        for (int i = 0; i < rows.size(); i++) {
            ShardRow r = rows.get(i);
            boolean gone = seen.get(entries.get(i).log()).tailer.gone() && !r.status().ended();
            rows.set(i, r.withEta(gone ? null : eta.shards().get(i))); // a gone log: no rate to go on
        }
        Summary summary = summarise(rows, durations, slots, now, inRun, eta);
        return new Snapshot(now.truncatedTo(ChronoUnit.MILLIS).toString(), settings.logDir().toString(),
                run != null ? runFile.toString() : null, List.copyOf(rows), summary, gpu == null ? null : gpu.devices());
    }

    /**
     * nvidia-smi's reading: asked at most once per refresh and bounded by its timeout; a refresh
     * within a second of the last one (the first frame's second CPU reading) reuses that reading,
     * so that no frame waits for two timeouts.
     */
    private GpuSample gpuSample() {
        long now = System.nanoTime();
        if (lastGpuAt == 0 || now - lastGpuAt >= GPU_REUSE_NANOS) {
            lastGpu = nvidiaSmi.sample().orElse(null);
            lastGpuAt = System.nanoTime();
        }
        return lastGpu;
    }

    /** The row with the GPU memory and SM % of its live process tree, when nvidia-smi answered. */
    private static ShardRow withGpu(ShardRow row, ShardRecord rec, GpuSample gpu) {
        if (gpu == null || rec == null || rec.pid == null || row.status().ended()
                || !ProcessUsage.isSameProcess(rec.pid, rec.pidStartTime)) {
            return row;
        }
        List<Long> pids = ProcessHandle.of(rec.pid).map(ProcessTree::snapshot).orElse(List.of())
                .stream().map(ProcessHandle::pid).toList();
        GpuSample.Usage use = gpu.usage(pids);
        return row.withGpu(use.memoryMib(), use.smPercent());
    }

    /** Reads what every log gained; a large backlog is read by several threads, one log each. */
    private void readAll(List<Tracker> list, Instant now) throws IOException {
        long unread = 0;
        if (readThreads > 1 && list.size() > 1) {
            for (Tracker t : list) {
                unread += t.tailer.unread();
            }
        }
        if (unread < parallelBytes || unread == 0) {
            for (Tracker t : list) {
                read(t, buffer, now);
            }
            return;
        }
        int n = Math.min(readThreads, list.size());
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread th = new Thread(r, "augctl-monitor-read");
            th.setDaemon(true);
            return th;
        });
        try {
            ThreadLocal<ByteBuffer> buffers = ThreadLocal.withInitial(() -> ByteBuffer.allocate(READ_BUFFER));
            List<Future<Void>> done = new ArrayList<>();
            for (Tracker t : list) { // each tracker (tailer, parser, matchers) is used by one thread only
                done.add(pool.submit(() -> {
                    read(t, buffers.get(), now);
                    return null;
                }));
            }
            for (Future<Void> f : done) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading the logs");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void read(Tracker t, ByteBuffer buf, Instant now) throws IOException {
        boolean firstRead = t.tailer.offset() == 0;
        if (t.tailer.poll(buf) > 0 && !firstRead) {
            t.lastGrowthMillis = now.toEpochMilli(); // growth seen now, whatever the mtime says
        }
    }

    /** Whether a shard's CPU % needs a second reading (a refresh soon after this one gives it). */
    public boolean cpuPending() {
        return cpuPending;
    }

    /** A shard's row, its ETA left to the estimator. */
    private ShardRow row(ShardLayout.Entry e, Tracker t, LogFacts f, Instant now, Liveness liveness) {
        ShardRecord rec = e.record();
        boolean exists = t.tailer.exists();
        long lastChange = Math.max(exists ? t.tailer.modifiedMillis() : 0, t.lastGrowthMillis);
        Instant recStart = parse(rec == null ? null : rec.startedAt);
        if (lastChange == 0 && recStart != null) {
            lastChange = recStart.toEpochMilli();
        }
        boolean silent = lastChange > 0 && now.toEpochMilli() - lastChange > settings.stallAfter().toMillis();
        Liveness.Process proc = rec != null && rec.state == ShardState.RUNNING ? liveness.shard(rec) : Liveness.Process.UNKNOWN;
        Status status = StatusRules.status(rec == null ? null : rec.state, exists, f, silent,
                proc, liveness.launcher());

        ProcessUsage.Reading usage = null;
        Double cpu = null;
        if (proc == Liveness.Process.ALIVE && !status.ended()) {
            usage = ProcessUsage.read(rec.pid);
            cpu = cpuPercent(e.index(), usage);
        } else {
            lastReading.remove(e.index());
        }
        Long rss = usage == null ? null : usage.rssBytes();

        Instant start = f.startedAt() != null ? f.startedAt() : recStart;
        Double progress = status == Status.SUCCEEDED ? Double.valueOf(1.0) : f.progress();
        String error = status == Status.SUCCEEDED ? null : errorOf(status, f, rec);
        if (t.tailer.gone() && !status.ended()) {
            error = "log " + e.log() + " is gone (deleted or moved); progress shown is its last";
        }
        return new ShardRow(e.index(), status,
                progress == null ? null : Math.round(progress * 1000) / 10.0,
                f.combosDone(), f.combosTotal(), status.ended() ? null : f.current(), null, f.rows(),
                cpu == null ? null : Math.round(cpu * 10) / 10.0, rss,
                lastChange > 0 ? Instant.ofEpochMilli(lastChange).toString() : null,
                error, start == null ? null : start.truncatedTo(ChronoUnit.MILLIS).toString(),
                rec != null ? Integer.valueOf(rec.attempts) : exists ? Integer.valueOf(f.attempts() + 1) : null,
                rec == null ? null : rec.exitCode,
                rec == null ? null : rec.pid, e.log().toString());
    }

    /** CPU % since the shard's previous reading; remembers this one for the next refresh. */
    private Double cpuPercent(int shard, ProcessUsage.Reading now) {
        if (now == null) {
            lastReading.remove(shard);
            return null;
        }
        Double cpu = now.cpuPercentSince(lastReading.get(shard));
        lastReading.put(shard, now);
        cpuPending |= cpu == null;
        return cpu;
    }

    /** The log's unresolved error; for an ended shard without one, run.json's reason. */
    private static String errorOf(Status status, LogFacts f, ShardRecord rec) {
        if (f.error() != null || !status.ended() || rec == null) {
            return f.error();
        }
        if (rec.message != null) {
            return rec.message;
        }
        return rec.state == ShardState.RUNNING ? "process " + rec.pid + " is gone and so is its launcher" : null;
    }

    private Summary summarise(List<ShardRow> rows, List<Double> durations, int slots, Instant now, Integer inRun,
            EtaEstimator.Result estimate) {
        int[] count = new int[Status.values().length];
        long totalRows = 0;
        List<Double> left = new ArrayList<>();
        List<Double> elapsed = new ArrayList<>();
        List<Double> projected = new ArrayList<>();
        for (ShardRow r : rows) {
            count[r.status().ordinal()]++;
            totalRows += r.rows();
            if (r.status() == Status.RUNNING || r.status() == Status.STALLED) {
                left.add(r.etaSeconds());
                Double el = r.startedAt() == null ? null
                        : (now.toEpochMilli() - Instant.parse(r.startedAt()).toEpochMilli()) / 1000.0;
                elapsed.add(el);
                if (el != null && r.etaSeconds() != null) {
                    projected.add(el + r.etaSeconds());
                }
            }
        }
        List<Double> basis = durations.isEmpty() ? projected : durations;
        Double avg = basis.isEmpty() ? null : basis.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        // the dynamic schedule's run ends when its last combo does; else running shards end at their ETA
        Double eta = estimate.dynamic() ? estimate.run()
                : Eta.overall(left, elapsed, count[Status.PENDING.ordinal()], avg, slots);
        int combosDone = rows.stream().mapToInt(ShardRow::combosDone).sum();
        return new Summary(rows.size(), count[Status.SUCCEEDED.ordinal()], count[Status.RUNNING.ordinal()],
                count[Status.FINISHING.ordinal()], count[Status.STALLED.ordinal()], count[Status.PENDING.ordinal()],
                count[Status.FAILED.ordinal()], count[Status.INTERRUPTED.ordinal()], totalRows, eta, combosDone == 0, combosDone,
                inRun != null ? inRun : rows.stream().allMatch(r -> r.combosTotal() != null)
                        ? Integer.valueOf(rows.stream().mapToInt(ShardRow::combosTotal).sum()) : null);
    }

    /** Seconds a finished shard took: from run.json, else from its log's timestamps. */
    private static Double duration(ShardRecord rec, LogFacts f) {
        Instant a = rec == null ? null : parse(rec.startedAt);
        Instant b = rec == null ? null : parse(rec.endedAt);
        if (a == null || b == null) {
            a = f.startedAt();
            b = f.endedAt();
        }
        return a == null || b == null || b.isBefore(a) ? null : Duration.between(a, b).toMillis() / 1000.0;
    }

    private static Instant parse(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(iso);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }
}
