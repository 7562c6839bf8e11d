package dev.augctl.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.PackagedJar;
import dev.augctl.common.Json;
import dev.augctl.common.ProcessTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole workflow on the shipped sample with the built-in worker, from the packaged jar through
 * bin/augctl, as a user types it: launch with merge, the checks of the outputs, and the guarantees
 * that datasets do not depend on the shard count or on an interruption.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkflowIT {
    /** The datasets of an uninterrupted 2-shard run, the reference of the other runs. */
    private static Map<String, byte[]> reference;

    @TempDir
    Path tmp;

    @Test
    @Order(1)
    void launchWithMergeOnTheSampleProducesEveryComboAndAVerifiedManifest() throws Exception {
        Workspace ws = Workspace.create(tmp.resolve("project"));
        Path out = tmp.resolve("launch.out");
        Process launcher = ws.start(out, "launch", "--num-shards", "2", "--merge");
        try {
            // While it runs, the monitor sees both shards and a running one, as a table and as JSON.
            Workspace.await(120, "a combo started", () ->
                    Workspace.read(ws.logs().resolve("shard_0_of_2.log")).contains(" start: "));
            PackagedJar.Result during = ws.augctl("monitor");
            assertThat(during.exitCode()).as(during.err()).isZero();
            assertThat(during.out()).contains("Shard 0", "Shard 1", "Running");
            PackagedJar.Result duringJson = ws.augctl("monitor", "--json");
            assertThat(duringJson.exitCode()).as(duringJson.err()).isZero();
            JsonNode snapshot = Json.mapper().readTree(duringJson.out().lines().findFirst().orElseThrow());
            assertThat(snapshot.get("shards")).hasSize(2);
            assertThat(snapshot.get("shards").findValuesAsText("state")).contains("running");
            assertThat(launcher.waitFor(5, TimeUnit.MINUTES)).as("the launch ends").isTrue();
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
        PackagedJar.Result launch = new PackagedJar.Result(launcher.exitValue(), Files.readString(out), "");
        assertThat(launch.exitCode()).as(launch.out()).isZero();
        assertThat(launch.out()).contains("shard 0/2 started", "shard 1/2 succeeded", "2 shards: 2 succeeded",
                "merged 2 shard manifests (N=2)");

        List<String> methods = ws.enabledMethods();
        assertThat(methods).hasSizeGreaterThanOrEqualTo(20);
        for (String m : methods) {
            Path combo = ws.output().resolve("combo_1_" + m);
            assertThat(combo.resolve("dataset.parquet")).as(m).isNotEmptyFile();
            assertThat(combo.resolve("meta.json")).as(m).isNotEmptyFile();
            JsonNode meta = Json.mapper().readTree(combo.resolve("meta.json").toFile());
            assertThat(meta.toString()).contains("combo_1_" + m);
        }
        List<CSVRecord> rows = csv(ws.output().resolve("manifest_final.csv"));
        assertThat(rows).extracting(r -> r.get("combo"))
                .containsExactlyInAnyOrderElementsOf(methods.stream().map(m -> "combo_1_" + m).toList());
        // --merge deleted the shard manifests after writing the final one.
        assertThat(ws.output().resolve("manifest_shard0_of_2.csv")).doesNotExist();

        for (int i = 0; i < 2; i++) {
            assertThat(ws.logs().resolve("shard_" + i + "_of_2.log")).isNotEmptyFile();
            assertThat(ws.dir.resolve("data/cache/augment_shard" + i + ".db")).isNotEmptyFile();
            // the shards read the input as launch read it, not the CSV again
            assertThat(Files.readString(ws.logs().resolve("shard_" + i + "_of_2.log"))).doesNotContain("input table");
        }
        assertThat(ws.logs().resolve("input.table")).isNotEmptyFile();
        assertThat(Files.readString(ws.logs().resolve("run.json"))).contains("\"--input-table\"");
        JsonNode run = Json.mapper().readTree(ws.logs().resolve("run.json").toFile());
        assertThat(run.get("state").asText()).isEqualTo("succeeded");
        assertThat(run.get("shards")).allSatisfy(s -> assertThat(s.get("state").asText()).isEqualTo("succeeded"));
        // Every row carries the run its shard belonged to (merge refuses rows of different runs).
        assertThat(rows).extracting(r -> r.get("run_id")).containsOnly(run.get("run_id").asText());

        // After the run, the monitor reports both shards complete with the manifest's rows.
        long manifestRows = rows.stream().mapToLong(r -> Long.parseLong(r.get("rows"))).sum();
        PackagedJar.Result after = ws.augctl("monitor");
        assertThat(after.exitCode()).isZero();
        assertThat(after.out()).contains("Completed 2/2", "Failed 0", "Rows " + manifestRows);
        JsonNode afterJson = Json.mapper().readTree(ws.augctl("monitor", "--json").out());
        assertThat(afterJson.get("shards").findValuesAsText("state")).containsOnly("succeeded");
        assertThat(afterJson.get("shards").findValues("rows").stream().mapToLong(JsonNode::asLong).sum())
                .isEqualTo(manifestRows);

        // A second merge of the same outputs, verifying every dataset against its Parquet footer:
        // run the shards again (all combos are complete, so the worker only rewrites its manifests).
        PackagedJar.Result again = ws.augctl("launch", "--num-shards", "2");
        assertThat(again.exitCode()).as(again.out()).isZero();
        // With the dynamic schedule either shard may claim the complete combos (and skip them).
        assertThat(Workspace.read(ws.logs().resolve("shard_0_of_2.log")) + Workspace.read(ws.logs().resolve("shard_1_of_2.log")))
                .contains("skipped: already complete");
        PackagedJar.Result verify = ws.augctl("merge", "--verify", "--keep-shards", "--json");
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        JsonNode stats = Json.mapper().readTree(verify.out());
        assertThat(stats.get("total_combos").asInt()).isEqualTo(methods.size());
        assertThat(stats.get("verify").get("checked").asInt()).isEqualTo(methods.size());
        assertThat(stats.get("verify").get("failures")).isEmpty();

        reference = ws.datasets();
        assertThat(reference).hasSize(methods.size());
    }

    @Test
    @Order(2)
    void sevenShardsAndThreeShardsGiveTheSameDatasets() throws Exception {
        assertThat(reference).as("the 2-shard run of the first test").isNotNull();
        for (int shards : new int[] {7, 3}) {
            Workspace ws = Workspace.create(tmp.resolve("n" + shards));
            PackagedJar.Result r = ws.augctl("launch", "--num-shards", String.valueOf(shards), "--merge");
            assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
            assertSameDatasets(ws.datasets(), "--num-shards " + shards);
        }
    }

    @Test
    @Order(3)
    void anInterruptedRunResumedWithRetryFailedEqualsAnUninterruptedOne() throws Exception {
        assertThat(reference).as("the 2-shard run of the first test").isNotNull();
        Workspace ws = Workspace.create(tmp.resolve("interrupted"));
        Path out = tmp.resolve("launch.out");
        Process launcher = ws.start(out, "launch", "--num-shards", "3", "--jobs", "2", "--grace-period", "5");
        try {
            // Half-way: some combos done, the run not over.
            Workspace.await(120, "three combos done", () ->
                    count(Workspace.read(ws.logs().resolve("shard_0_of_3.log")), " done: ")
                            + count(Workspace.read(ws.logs().resolve("shard_1_of_3.log")), " done: ") >= 3);
            assertThat(launcher.isAlive()).as("the run should still be going").isTrue();
            new ProcessBuilder("kill", "-INT", String.valueOf(launcher.pid())).start().waitFor();
            assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
        String printed = Files.readString(out);
        assertThat(launcher.exitValue()).as(printed).isEqualTo(130);
        assertThat(printed).contains("interrupted");

        JsonNode run = Json.mapper().readTree(ws.logs().resolve("run.json").toFile());
        assertThat(run.get("state").asText()).isEqualTo("interrupted");
        for (JsonNode shard : run.get("shards")) {
            if (shard.hasNonNull("pid")) {
                ProcessHandle.of(shard.get("pid").asLong()).ifPresent(p ->
                        assertThat(ProcessTree.running(p)).as("shard pid " + p.pid() + " left running").isFalse());
            }
        }
        assertThat(noWorkerOf(ws.dir)).as("no worker of this workspace still runs").isTrue();

        PackagedJar.Result resume = ws.augctl("launch", "--num-shards", "3", "--retry-failed", "--merge");
        assertThat(resume.exitCode()).as(resume.out() + resume.err()).isZero();
        assertSameDatasets(ws.datasets(), "interrupted, then --retry-failed");
        assertThat(csv(ws.output().resolve("manifest_final.csv"))).hasSize(reference.size());
    }

    private static void assertSameDatasets(Map<String, byte[]> actual, String run) {
        assertThat(actual.keySet()).as(run).isEqualTo(reference.keySet());
        for (Map.Entry<String, byte[]> e : reference.entrySet()) {
            assertThat(actual.get(e.getKey())).as(run + ": " + e.getKey() + "/dataset.parquet").isEqualTo(e.getValue());
        }
    }

    static List<CSVRecord> csv(Path file) throws IOException {
        try (var reader = Files.newBufferedReader(file)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(reader).getRecords();
        }
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }

    /** Whether no live process has this workspace as its working directory's command-line argument. */
    private static boolean noWorkerOf(Path dir) {
        return ProcessHandle.allProcesses()
                .filter(ProcessTree::running)
                .noneMatch(p -> p.info().commandLine().map(c -> c.contains(" generate ")).orElse(false)
                        && cwd(p.pid()).equals(dir.toString()));
    }

    private static String cwd(long pid) {
        try {
            return Files.readSymbolicLink(Path.of("/proc/" + pid + "/cwd")).toString();
        } catch (IOException e) {
            return "";
        }
    }
}
