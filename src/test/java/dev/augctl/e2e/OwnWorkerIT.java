package dev.augctl.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.PackagedJar;
import dev.augctl.common.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A user's own Python worker (a stdlib-only stand-in for generate_augsets.py that logs with the
 * logging module and draws tqdm bars): launch drives it through a config template, monitor reads it
 * with the documented Python patterns, merge merges its manifests with its own column names.
 */
class OwnWorkerIT {
    @TempDir
    Path tmp;

    @Test
    void launchMonitorAndMergeWorkWithAPythonWorker() throws Exception {
        Workspace ws = Workspace.create(tmp.resolve("project"));
        Path script = PackagedJar.home().resolve("src/test/resources/e2e/generate_augsets.py");
        Files.writeString(ws.dir.resolve("conf/python.yaml"), """
                num_shards: 2
                save_format: jsonl
                worker:
                  command: ["python3", "%s",
                            "--input", "{input}", "--methods", "{methods}", "--output-root", "{output_root}",
                            "--text-col", "{text_col}", "--id-col", "{id_col}", "--seed", "{seed}",
                            "--save-format", "{save_format}",
                            "--shard-index", "{shard}", "--num-shards", "{num_shards}", "--cache-db", "{cache}"]
                  env: {STANDIN_ROW_DELAY: "0.002"}
                merge:
                  key_column: combo_name
                  rows_column: num_rows
                monitor:
                  patterns: conf/monitor-python.yaml
                """.formatted(script));

        Process launcher = ws.start(tmp.resolve("launch.out"), "launch", "--config", "conf/python.yaml");
        try {
            // A tqdm bar is being drawn: the monitor shows the current combo and a partial progress.
            Workspace.await(60, "a progress bar", () ->
                    Workspace.read(ws.logs().resolve("shard_0_of_2.log")).contains("it/s]"));
            PackagedJar.Result live = ws.augctl("monitor", "--config", "conf/python.yaml", "--json");
            assertThat(live.exitCode()).as(live.err()).isZero();
            JsonNode shard0 = Json.mapper().readTree(live.out()).get("shards").get(0);
            assertThat(shard0.get("combos_total").asInt()).isEqualTo((ws.enabledMethods().size() + 1) / 2);
            assertThat(shard0.get("current").asText()).startsWith("combo_1_");
            assertThat(shard0.get("progress").asDouble()).isGreaterThan(0).isLessThan(100);
            assertThat(launcher.waitFor(5, TimeUnit.MINUTES)).isTrue();
        } finally {
            launcher.descendants().forEach(ProcessHandle::destroyForcibly);
            launcher.destroyForcibly();
        }
        String printed = Files.readString(tmp.resolve("launch.out"));
        assertThat(launcher.exitValue()).as(printed).isZero();
        assertThat(printed).contains("2 shards: 2 succeeded");

        // Its manifests have their own column names; --verify counts the JSON-lines datasets.
        PackagedJar.Result merge = ws.augctl("merge", "--config", "conf/python.yaml", "--verify", "--json");
        assertThat(merge.exitCode()).as(merge.err()).isZero();
        JsonNode stats = Json.mapper().readTree(merge.out());
        assertThat(stats.get("verify").get("checked").asInt()).isEqualTo(ws.enabledMethods().size());
        assertThat(stats.get("verify").get("failures")).isEmpty();
        assertThat(stats.get("total_rows").asLong()).isEqualTo(359L * ws.enabledMethods().size());
        List<CSVRecord> merged = WorkflowIT.csv(ws.output().resolve("manifest_final.csv"));
        assertThat(merged).hasSize(ws.enabledMethods().size());
        assertThat(merged.get(0).toMap()).containsKeys("combo_name", "num_rows");

        PackagedJar.Result done = ws.augctl("monitor", "--config", "conf/python.yaml");
        assertThat(done.exitCode()).isZero();
        assertThat(done.out()).contains("Completed 2/2", "Failed 0");

    }

    @Test
    void aFailingPythonShardIsReportedWithItsTraceback() throws Exception {
        Workspace ws = Workspace.create(tmp.resolve("failing"));
        Path script = PackagedJar.home().resolve("src/test/resources/e2e/generate_augsets.py");
        Files.writeString(ws.dir.resolve("conf/python.yaml"), """
                num_shards: 2
                worker:
                  command: ["python3", "%s", "--input", "{input}", "--methods", "{methods}",
                            "--output-root", "{output_root}", "--shard-index", "{shard}", "--num-shards", "{num_shards}"]
                  env: {STANDIN_FAIL_SHARD: "1"}
                monitor:
                  patterns: conf/monitor-python.yaml
                """.formatted(script));
        PackagedJar.Result launch = ws.augctl("launch", "--config", "conf/python.yaml");
        assertThat(launch.exitCode()).as(launch.out()).isEqualTo(1);
        assertThat(launch.out()).contains("shard 1/2 failed: exit 1", "2 shards: 1 succeeded, 1 failed");
        PackagedJar.Result monitor = ws.augctl("monitor", "--config", "conf/python.yaml", "--json");
        JsonNode shard1 = Json.mapper().readTree(monitor.out()).get("shards").get(1);
        assertThat(shard1.get("state").asText()).isEqualTo("failed");
        assertThat(shard1.get("error").asText()).contains("simulated failure in shard 1");
    }
}
