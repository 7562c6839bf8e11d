package dev.augctl.monitor;

import static dev.augctl.monitor.WorkerLogs.append;
import static dev.augctl.monitor.WorkerLogs.info;
import static dev.augctl.monitor.WorkerLogs.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.CliRunner;
import dev.augctl.common.Json;
import dev.augctl.run.RunState;
import dev.augctl.run.ShardRecord;
import dev.augctl.run.ShardState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorCommandTest {
    @TempDir
    Path dir;

    private Path log(int i, int n) {
        return dir.resolve("shard_" + i + "_of_" + n + ".log");
    }

    private CliRunner.Result monitor(String... extra) {
        String[] args = new String[extra.length + 4];
        args[0] = "monitor";
        args[1] = "--log-dir";
        args[2] = dir.toString();
        args[3] = "--ascii";
        System.arraycopy(extra, 0, args, 4, extra.length);
        return CliRunner.run(args);
    }

    private List<String> shardLines(CliRunner.Result r) {
        return r.out().lines().filter(l -> l.contains("Shard ")).toList();
    }

    @Test
    void dynamicScheduleRowsShowWhatEachShardDid_andTheSummaryTheRunsCombos() throws IOException {
        String claiming = ": dynamic schedule: claiming combos one at a time, longest estimated first, of 5 combos in the run";
        append(log(0, 2), info(100, "shard 0/2" + claiming) + info(99, "combo 1 start: combo_1_eda")
                + info(90, "combo 1 done: combo_1_eda rows=100 rejected=0 seconds=9.0")
                + info(89, "combo 2 start: combo_1_ocr") + info(88, "combo 2 progress: 10/20 rows (50.0%)"));
        append(log(1, 2), info(100, "shard 1/2" + claiming) + info(99, "combo 1 start: combo_1_aeda")
                + info(95, "combo 1 done: combo_1_aeda rows=20 rejected=0 seconds=4.0")
                + info(94, "combo 2 start: combo_1_typo")
                + info(93, "combo 2 done: combo_1_typo rows=30 rejected=0 seconds=1.0"));
        CliRunner.Result r = monitor();
        assertThat(r.exitCode()).isZero();
        List<String> lines = shardLines(r);
        assertThat(lines.get(0)).contains("Combos: 1/?", "Current: combo_1_ocr").containsPattern("Rows: +100");
        assertThat(lines.get(1)).contains("Combos: 2/?").containsPattern("Rows: +50");
        assertThat(r.out()).contains("| Combos 3/5");
    }

    @Test
    void snapshotFromLogsAlone() throws IOException {
        append(log(0, 3), info(100, "shard 0/3: assigned 4 combos: a, b, c, d") + info(99, "combo 1/4 start: combo_1_keyboard_typo")
                + info(90, "combo 1/4 done: combo_1_keyboard_typo rows=1234 rejected=1 seconds=9")
                + info(89, "combo 2/4 start: nlp_wordnet_syn") + info(80, "combo 2/4 progress: 1500/3000 rows (50.0%)"));
        append(log(1, 3), WorkerLogs.completedShard(1, 3, 2, 3456, 60));
        CliRunner.Result r = monitor();
        assertThat(r.exitCode()).isZero();
        List<String> lines = shardLines(r);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("> Shard 0 |  37.5% | Combos: 1/4 | Current: nlp_wordnet_syn").contains("Rows:   1234");
        assertThat(lines.get(0)).containsPattern("ETA: 0:0[0-9]:[0-9]{2}");
        assertThat(lines.get(1)).startsWith("+ Shard 1 | 100.0% | Combos: 2/2").contains("ETA: Complete").contains("Rows:   6912");
        assertThat(lines.get(2)).startsWith(". Shard 2 |      - | Combos: 0/?");
        assertThat(r.out()).contains("Completed 1/3 | Running 1 | Stalled 0 | Pending 1 | Failed 0 | Interrupted 0 | Rows 8146");
        // every row's columns line up
        assertThat(lines.stream().map(l -> l.indexOf("| ETA")).distinct()).hasSize(1);
    }

    @Test
    void failedShardWithATracebackFromLogsAlone() throws IOException {
        append(log(0, 1), WorkerLogs.py(20, "INFO", "Shard 0/1: 2 combos assigned")
                + WorkerLogs.py(19, "INFO", "Processing combo 1/2: combo_1_eda")
                + WorkerLogs.py(18, "ERROR", "Shard failed") + "Traceback (most recent call last):\n"
                + "  File \"generate_augsets.py\", line 3, in <module>\nValueError: column 'text' not found\n");
        CliRunner.Result r = monitor("--patterns", "conf/monitor-python.yaml");
        assertThat(shardLines(r).get(0)).startsWith("x Shard 0").contains("ETA: Failed").contains("ValueError: column 'text' not found");
        assertThat(r.out()).contains("Failed 1");
    }

    @Test
    void numShardsFromTheLogsFoundWhenTheConfigDoesNotMatch() throws IOException {
        for (int i = 0; i < 12; i++) {
            append(log(i, 12), info(5, "shard " + i + "/12: assigned 1 combos: a"));
        }
        CliRunner.Result r = monitor();
        List<String> lines = shardLines(r);
        assertThat(lines).hasSize(12);
        assertThat(lines.get(2)).contains("Shard  2 |");
        assertThat(lines.get(10)).contains("Shard 10 |"); // numeric order, widths from the data
        assertThat(monitor("--num-shards", "2").out()).contains("Shard 1").doesNotContain("Shard 2");
    }

    @Test
    void stateFromRunJsonOverridesTheLog() throws IOException {
        RunState run = new RunState();
        run.numShards = 3;
        run.jobs = 2;
        run.state = "running";
        for (int i = 0; i < 3; i++) {
            ShardRecord rec = new ShardRecord(i);
            rec.log = dir.resolve("custom_" + i + ".log").toString();
            run.shards.add(rec);
        }
        run.shards.get(0).state = ShardState.SUCCEEDED;
        run.shards.get(0).exitCode = 0;
        run.shards.get(1).state = ShardState.FAILED;
        run.shards.get(1).exitCode = 3;
        run.shards.get(1).attempts = 2;
        run.shards.get(2).state = ShardState.PENDING;
        run.write(dir.resolve("run.json"));
        // shard 0's log says nothing of completion: run.json decides
        append(dir.resolve("custom_0.log"), info(30, "shard 0/3: assigned 2 combos: a, b"));
        append(dir.resolve("custom_1.log"), info(30, "shard 1/3: assigned 2 combos: a, b") + line(20, "ERROR", "disk full"));
        CliRunner.Result r = monitor("--json");
        assertThat(r.exitCode()).isZero();
        JsonNode doc = Json.mapper().readTree(r.out().lines().findFirst().orElseThrow());
        assertThat(doc.get("run_state").asText()).endsWith("run.json");
        JsonNode shards = doc.get("shards");
        assertThat(shards.get(0).get("state").asText()).isEqualTo("succeeded");
        assertThat(shards.get(0).get("progress").asDouble()).isEqualTo(100.0);
        assertThat(shards.get(1).get("state").asText()).isEqualTo("failed");
        assertThat(shards.get(1).get("exit_code").asInt()).isEqualTo(3);
        assertThat(shards.get(1).get("attempts").asInt()).isEqualTo(2);
        assertThat(shards.get(1).get("error").asText()).isEqualTo("disk full");
        assertThat(shards.get(1).get("log").asText()).endsWith("custom_1.log");
        assertThat(shards.get(2).get("state").asText()).isEqualTo("pending");
        assertThat(doc.get("summary").get("completed").asInt()).isEqualTo(1);
        assertThat(doc.get("summary").get("failed").asInt()).isEqualTo(1);
        assertThat(doc.get("summary").get("pending").asInt()).isEqualTo(1);
    }

    @Test
    void runningShardOfALiveProcessShowsCpuAndMemory() throws IOException {
        RunState run = new RunState();
        run.numShards = 1;
        run.jobs = 1;
        run.launcherPid = ProcessHandle.current().pid();
        ShardRecord rec = new ShardRecord(0);
        rec.state = ShardState.RUNNING;
        rec.pid = ProcessHandle.current().pid(); // this JVM stands in for the shard
        rec.pidStartTime = ProcessHandle.current().info().startInstant().orElseThrow().toString();
        rec.startedAt = Instant.now().minusSeconds(60).toString();
        rec.log = log(0, 1).toString();
        run.shards.add(rec);
        run.write(dir.resolve("run.json"));
        append(log(0, 1), info(60, "shard 0/1: assigned 2 combos: a, b") + info(59, "combo 1/2 start: a")
                + info(1, "combo 1/2 progress: 50/100 rows (50.0%)"));
        JsonNode shard = Json.mapper().readTree(monitor("--json").out().lines().findFirst().orElseThrow()).get("shards").get(0);
        assertThat(shard.get("state").asText()).isEqualTo("running");
        assertThat(shard.get("rss_bytes").asLong()).isGreaterThan(1_000_000);
        assertThat(shard.get("cpu_percent").isNumber()).isTrue();
        assertThat(shard.get("pid").asLong()).isEqualTo(ProcessHandle.current().pid());
        assertThat(shard.get("eta_seconds").asLong()).isBetween(150L, 250L); // 25 % in ~60 s

        // a pid whose start time does not match is not the shard: no figures
        rec.pidStartTime = Instant.now().minusSeconds(86_400 * 400).toString();
        run.write(dir.resolve("run.json"));
        JsonNode other = Json.mapper().readTree(monitor("--json").out().lines().findFirst().orElseThrow()).get("shards").get(0);
        assertThat(other.get("rss_bytes").isNull()).isTrue();
    }

    @Test
    void runningInRunJsonButShardAndLauncherGoneTheLogDecides() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String goneStart = gone.info().startInstant().map(Instant::toString).orElse(Instant.now().toString());
        RunState run = new RunState();
        run.numShards = 2;
        run.jobs = 2;
        run.launcherPid = gone.pid();
        run.launcherStartTime = goneStart;
        for (int i = 0; i < 2; i++) {
            ShardRecord rec = new ShardRecord(i);
            rec.state = ShardState.RUNNING;
            rec.pid = gone.pid();
            rec.pidStartTime = goneStart;
            rec.log = log(i, 2).toString();
            run.shards.add(rec);
        }
        run.write(dir.resolve("run.json"));
        append(log(0, 2), WorkerLogs.completedShard(0, 2, 1, 3, 30));
        append(log(1, 2), info(30, "shard 1/2: assigned 2 combos: a, b") + info(29, "combo 1/2 start: a"));
        JsonNode shards = Json.mapper().readTree(monitor("--json").out()).get("shards");
        assertThat(shards.get(0).get("state").asText()).isEqualTo("succeeded");
        assertThat(shards.get(1).get("state").asText()).isEqualTo("failed");
        assertThat(shards.get(1).get("error").asText()).contains("is gone and so is its launcher");
    }

    @Test
    void silentRunningShardIsStalled() throws IOException {
        append(log(0, 1), info(1000, "shard 0/1: assigned 2 combos: a, b") + info(999, "combo 1/2 start: a"));
        Files.setLastModifiedTime(log(0, 1), FileTime.from(Instant.now().minusSeconds(900)));
        CliRunner.Result r = monitor("--stall-after", "10m");
        assertThat(shardLines(r).get(0)).startsWith("! Shard 0").contains("silent since");
        assertThat(r.out()).contains("Stalled 1");
        assertThat(shardLines(monitor("--stall-after", "1h")).get(0)).startsWith("> Shard 0");
    }

    @Test
    void jsonLinesHaveEveryField() throws IOException {
        append(log(0, 1), WorkerLogs.completedShard(0, 1, 1, 10, 5));
        CliRunner.Result r = monitor("--json");
        assertThat(r.out().lines().toList()).hasSize(1);
        JsonNode doc = Json.mapper().readTree(r.out());
        assertThat(doc.get("shards").get(0).fieldNames()).toIterable().contains("shard", "state", "progress",
                "combos_done", "combos_total", "current", "eta_seconds", "rows", "cpu_percent", "rss_bytes",
                "last_update", "error");
        assertThat(doc.get("summary").fieldNames()).toIterable().contains("completed", "running", "failed",
                "pending", "stalled", "rows", "eta_seconds");
        assertThat(doc.get("summary").get("rows").asLong()).isEqualTo(10);
    }

    @Test
    void followEndsWhenEveryShardHasEndedWithExitZero() throws Exception {
        append(log(0, 2), info(10, "shard 0/2: assigned 1 combos: a") + info(9, "combo 1/1 start: a"));
        append(log(1, 2), WorkerLogs.completedShard(1, 2, 1, 5, 10));
        CompletableFuture<CliRunner.Result> run = CompletableFuture.supplyAsync(() -> monitor("--follow", "--interval", "100ms"));
        Thread.sleep(400);
        assertThat(run).isNotDone();
        append(log(0, 2), info(0, "combo 1/1 done: a rows=7 rejected=0 seconds=1") + info(0, "shard 0/2 complete: 1 combos, 7 rows, 1 s"));
        CliRunner.Result r = run.get(10, TimeUnit.SECONDS);
        assertThat(r.exitCode()).isZero();
        String[] snapshots = r.out().split("\n\n");
        assertThat(snapshots.length).isGreaterThan(1); // piped: plain snapshots, a blank line apart
        assertThat(snapshots[snapshots.length - 1]).contains("Completed 2/2").contains("Rows 12");
    }

    @Test
    void followEndsWithExitOneWhenAShardFailed() throws Exception {
        append(log(0, 1), info(10, "shard 0/1: assigned 1 combos: a") + info(9, "combo 1/1 start: a"));
        java.io.StringWriter out = new java.io.StringWriter(); // read while the monitor runs: the failure comes after a frame
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> dev.augctl.Main.run(new java.io.PrintWriter(out, true),
                new java.io.PrintWriter(java.io.Writer.nullWriter()), "monitor", "--log-dir", dir.toString(), "--follow",
                "--interval", "0.1", "--json"));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!out.toString().contains("\n") && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        append(log(0, 1), line(0, "ERROR", "input file data/x.csv: no column 'text'"));
        assertThat(run.get(30, TimeUnit.SECONDS)).isEqualTo(1);
        List<String> docs = out.toString().lines().toList();
        assertThat(docs.size()).isGreaterThan(1);
        for (String d : docs) {
            assertThat(Json.mapper().readTree(d).get("shards")).hasSize(1);
        }
        assertThat(Json.mapper().readTree(docs.get(docs.size() - 1)).get("shards").get(0).get("state").asText()).isEqualTo("failed");
    }

    @Test
    void badPatternsFileIsExitTwoNamingFileAndKey() throws IOException {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "combo_start: 'combo (?<nam>\\S+)'\n");
        CliRunner.Result r = monitor("--patterns", bad.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("augctl: error: " + bad).contains("pattern 'combo_start'").contains("unknown group 'nam'");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void usageErrors() {
        assertThat(monitor("--interval", "soon").exitCode()).isEqualTo(2);
        assertThat(monitor("--interval", "soon").err()).contains("'soon' is not a duration");
        assertThat(monitor("--stall-after", "0").exitCode()).isEqualTo(2);
        assertThat(monitor("--num-shards", "0").exitCode()).isEqualTo(2);
        CliRunner.Result missing = CliRunner.run("monitor", "--log-dir", dir.resolve("nope").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("log directory not found").contains("nope");
    }

    @Test
    void followBeforeARunWaitsForOneThenFollowsItWhileASnapshotStaysAnError() throws Exception {
        Path later = dir.resolve("later");
        CliRunner.Result snapshot = CliRunner.run("monitor", "--log-dir", later.toString());
        assertThat(snapshot.exitCode()).isEqualTo(2);
        CompletableFuture<CliRunner.Result> follow = CompletableFuture.supplyAsync(() -> CliRunner.run("monitor",
                "--log-dir", later.toString(), "--follow", "--interval", "0.2s", "--ascii"));
        Thread.sleep(700);
        assertThat(follow).isNotDone();
        Files.createDirectories(later);
        Thread.sleep(300);
        assertThat(follow).as("an empty folder is not a run yet").isNotDone();
        append(later.resolve("shard_0_of_1.log"), WorkerLogs.completedShard(0, 1, 2, 5, 20));
        CliRunner.Result r = follow.get(30, TimeUnit.SECONDS);
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).isEqualTo("waiting for a run in " + later + " (Ctrl-C to stop)\n");
        assertThat(r.out()).contains("+ Shard 0 | 100.0%", "Completed 1/1");
    }

    @Test
    void onlyShowsTheShardsInTheGivenStatesAndTheSummaryCountsAll() throws IOException {
        append(log(0, 3), WorkerLogs.completedShard(0, 3, 1, 5, 20));
        append(log(1, 3), info(10, "shard 1/3: assigned 2 combos: a, b") + line(5, "ERROR", "boom"));
        CliRunner.Result r = monitor("--only", "failed,pending");
        assertThat(shardLines(r)).extracting(l -> l.substring(0, 9)).containsExactly("x Shard 1", ". Shard 2");
        assertThat(r.out()).contains("Completed 1/3");
        CliRunner.Result bad = monitor("--only", "runing");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown state 'runing'");
    }

    @Test
    void attemptsFromTheLogWithoutRunJson() throws IOException {
        append(log(0, 1), info(100, "shard 0/1: assigned 2 combos: a, b") + line(90, "ERROR", "oom")
                + "===== attempt 2 of shard 0 =====\n" + info(50, "shard 0/1: assigned 2 combos: a, b"));
        JsonNode shard = Json.mapper().readTree(monitor("--json").out()).get("shards").get(0);
        assertThat(shard.get("attempts").asInt()).isEqualTo(2);
        assertThat(shard.get("state").asText()).isEqualTo("running");
    }

    @Test
    void helpExplainsEveryOption() {
        CliRunner.Result r = CliRunner.run("monitor", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--log-dir", "--num-shards", "--patterns", "--interval", "--stall-after",
                "--follow", "--json", "--no-color", "--ascii", "--only", "--config");
    }
}
