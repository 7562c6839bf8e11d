package dev.augctl.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.PackagedJar;
import dev.augctl.common.Json;
import dev.augctl.launch.SlurmCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in worker on the sample through a real Slurm job array gives the datasets of a local run. */
class SlurmWorkflowIT {
    @TempDir
    Path tmp;

    @Test
    void threeShardsThroughSlurmGiveTheSameDatasetsAsALocalRun() throws Exception {
        SlurmCluster.require();
        Workspace local = Workspace.create(tmp.resolve("local"));
        PackagedJar.Result l = local.augctl("launch", "--num-shards", "3");
        assertThat(l.exitCode()).as(l.out() + l.err()).isZero();

        Workspace slurm = Workspace.create(tmp.resolve("slurm"));
        Files.writeString(slurm.dir.resolve("conf/slurm.yaml"), """
                executor: slurm
                num_shards: 3
                slurm:
                  job_name: augctl-e2e
                  poll_interval: 1
                """);
        PackagedJar.Result s = slurm.augctl("launch", "--config", "conf/slurm.yaml", "--merge");
        assertThat(s.exitCode()).as(s.out() + s.err()).isZero();
        assertThat(s.out()).contains("3 shards: 3 succeeded", "merged 3 shard manifests");

        Map<String, byte[]> expected = local.datasets();
        Map<String, byte[]> actual = slurm.datasets();
        assertThat(actual.keySet()).isEqualTo(expected.keySet()).hasSize(local.enabledMethods().size());
        expected.forEach((combo, bytes) -> assertThat(actual.get(combo)).as(combo).isEqualTo(bytes));

        JsonNode run = Json.mapper().readTree(slurm.logs().resolve("run.json").toFile());
        assertThat(run.get("executor").asText()).isEqualTo("slurm");
        assertThat(run.get("job_id").asText()).isNotBlank();
        for (int i = 0; i < 3; i++) {
            assertThat(Workspace.read(slurm.logs().resolve("shard_" + i + "_of_3.log")))
                    .contains("shard " + i + "/3 complete");
        }
        PackagedJar.Result monitor = slurm.augctl("monitor", "--config", "conf/slurm.yaml");
        assertThat(monitor.out()).contains("Completed 3/3");
    }
}
