package dev.augctl.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.common.Json;
import dev.augctl.gpu.FakeNvidiaSmi;
import dev.augctl.gpu.NvidiaSmi;
import dev.augctl.run.RunState;
import dev.augctl.run.ShardRecord;
import dev.augctl.run.ShardState;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitor's GPU figures, from the tests' nvidia-smi reporting real processes: a shard whose
 * process tree (a shell and two children) holds GPU memory, next to a process that is not the shard's.
 */
class MonitorGpuTest {
    @TempDir
    Path dir;

    private Process shard;
    private final List<Process> others = new ArrayList<>();

    @BeforeEach
    void startAShardWithTwoChildren() throws Exception {
        shard = new ProcessBuilder("/bin/sh", "-c", "sleep 300 & sleep 300 & wait").start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (shard.descendants().count() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(shard.descendants().count()).isEqualTo(2);
        others.add(new ProcessBuilder("sleep", "300").start()); // on the GPU too, but no shard's
        RunState run = new RunState();
        run.numShards = 2;
        run.jobs = 2;
        run.launcherPid = ProcessHandle.current().pid();
        run.launcherStartTime = ProcessHandle.current().info().startInstant().orElseThrow().toString();
        ShardRecord running = new ShardRecord(0);
        running.state = ShardState.RUNNING;
        running.pid = shard.pid();
        running.pidStartTime = shard.info().startInstant().orElseThrow().toString();
        running.startedAt = Instant.now().minusSeconds(5).toString();
        running.gpus = "0";
        run.shards.add(running);
        ShardRecord pending = new ShardRecord(1);
        run.shards.add(pending);
        run.write(dir.resolve("run.json"));
        WorkerLogs.append(dir.resolve("shard_0_of_2.log"), WorkerLogs.info(5, "shard 0/2: assigned 2 combos: a, b")
                + WorkerLogs.info(4, "combo 1/2 start: a"));
    }

    @AfterEach
    void stop() {
        shard.descendants().forEach(ProcessHandle::destroyForcibly);
        shard.destroyForcibly();
        others.forEach(Process::destroyForcibly);
    }

    private Monitor monitor(NvidiaSmi smi) {
        MonitorSettings s = new MonitorSettings(dir, null, 2, null, Duration.ofSeconds(1), Duration.ofMinutes(10));
        return new Monitor(s, PatternSet.defaults(), Clock.systemUTC()).nvidiaSmi(smi);
    }

    private static JsonNode json(Snapshot s) throws Exception {
        StringWriter text = new StringWriter();
        MonitorView.json(new PrintWriter(text)).show(s);
        return Json.mapper().readTree(text.toString());
    }

    private static <V> Map<Long, V> ordered(long k1, V v1, long k2, V v2, long k3, V v3) {
        Map<Long, V> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        m.put(k3, v3);
        return m;
    }

    private static List<String> lines(Snapshot s) {
        return new TableRenderer(false, true, ZoneOffset.UTC).lines(s);
    }

    @Test
    void aShardsGpuMemoryAndSmAreSummedOverItsProcessTree() throws Exception {
        long[] children = shard.descendants().mapToLong(ProcessHandle::pid).toArray();
        long other = others.get(0).pid();
        FakeNvidiaSmi fake = FakeNvidiaSmi.in(dir.resolve("smi"))
                .answer("query-compute-apps.csv", FakeNvidiaSmi.apps(ordered(children[0], 1792L, children[1], 2746L, other, 9000L)))
                .answer("pmon-c1.txt", FakeNvidiaSmi.pmon(ordered(children[0], 42, children[1], 56, other, 10)));

        Snapshot s = monitor(fake.smi(Duration.ofSeconds(20))).refresh();

        assertThat(fake.calls()).hasSize(3); // one of each query for the refresh
        ShardRow row = s.shards().get(0);
        assertThat(row.status()).isEqualTo(Status.RUNNING);
        assertThat(row.gpuMemoryMib()).isEqualTo(1792 + 2746);
        assertThat(row.gpuSmPercent()).isEqualTo(42 + 56);
        assertThat(s.shards().get(1).gpuMemoryMib()).isNull(); // pending: no process
        assertThat(s.gpus()).hasSize(1);

        List<String> text = lines(s);
        assertThat(text.get(1)).contains("| GPU:   4538 MiB  98% SM");
        assertThat(text).contains("GPU 0 NVIDIA H200 | util 100% | mem 4553 / 143771 MiB");

        JsonNode doc = json(s);
        assertThat(doc.get("shards").get(0).get("gpu_memory_mib").asLong()).isEqualTo(4538);
        assertThat(doc.get("shards").get(0).get("gpu_sm_percent").asInt()).isEqualTo(98);
        assertThat(doc.get("shards").get(1).has("gpu_memory_mib")).isFalse();
        JsonNode gpu = doc.get("gpus").get(0);
        assertThat(gpu.get("index").asInt()).isZero();
        assertThat(gpu.get("uuid").asText()).isEqualTo(FakeNvidiaSmi.UUID);
        assertThat(gpu.get("name").asText()).isEqualTo("NVIDIA H200");
        assertThat(gpu.get("utilization_percent").asInt()).isEqualTo(100);
        assertThat(gpu.get("memory_used_mib").asLong()).isEqualTo(4553);
        assertThat(gpu.get("memory_total_mib").asLong()).isEqualTo(143771);
    }

    @Test
    void withoutNvidiaSmiNothingIsShownAndNothingFails() throws Exception {
        Snapshot s = monitor(new NvidiaSmi(dir.resolve("no/nvidia-smi").toString(), Duration.ofSeconds(3))).refresh();
        assertThat(s.gpus()).isNull();
        assertThat(s.shards().get(0).gpuMemoryMib()).isNull();
        assertThat(String.join("\n", lines(s))).doesNotContain("GPU");
        JsonNode doc = json(s);
        assertThat(doc.has("gpus")).isFalse();
        assertThat(doc.get("shards").get(0).has("gpu_memory_mib")).isFalse();
        assertThat(doc.get("shards").get(0).has("gpu_sm_percent")).isFalse();
    }

    @Test
    void aHangingNvidiaSmiDelaysNoFrameBeyondItsTimeout() throws Exception {
        FakeNvidiaSmi fake = FakeNvidiaSmi.in(dir.resolve("smi")).hang();
        Monitor m = monitor(fake.smi(Duration.ofMillis(1500)));
        List<Double> frames = new ArrayList<>();
        long[] start = {System.nanoTime()};
        MonitorView timing = snapshot -> {
            frames.add((System.nanoTime() - start[0]) / 1e9);
            assertThat(snapshot.gpus()).isNull();
        };
        // The first frame refreshes twice (its second CPU reading 0.2 s later), then --follow's
        // frames; the shard never ends, so the sleeper stops the loop after three of them.
        int[] intervals = {0};
        MonitorLoop loop = new MonitorLoop(m, timing, d -> {
            if (d.equals(MonitorLoop.CPU_SAMPLE)) {
                Thread.sleep(d.toMillis()); // part of the first frame's time
                return;
            }
            if (++intervals[0] > 2) {
                throw new InterruptedException("enough frames");
            }
            Thread.sleep(d.toMillis());
            start[0] = System.nanoTime(); // a frame's time starts after the interval
        });
        loop.follow(Duration.ofMillis(1100)); // past the second in which a reading is reused
        assertThat(frames).hasSize(3);
        // Each frame waits for one 1.5 s timeout at most (two would be 3 s); the logs, the CPU sample
        // and a loaded 2-core machine get 1.3 s more.
        assertThat(frames).allSatisfy(seconds -> assertThat(seconds).isLessThan(2.8));
        // One reading (three calls) per frame: the first frame's CPU re-read reuses its reading.
        assertThat(fake.calls()).hasSize(3 * 3);
    }
}
