package dev.augctl.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.augctl.common.AugctlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStateTest {
    @TempDir
    Path dir;

    private static RunState full() {
        RunState s = new RunState();
        s.executor = "slurm";
        s.state = "interrupted";
        s.launcherPid = 4242L;
        s.launcherStartTime = "2026-11-28T10:00:00Z";
        s.host = "node-1";
        s.runId = "4242-1764324000000-1";
        s.startedAt = "2026-11-28T10:00:01Z";
        s.endedAt = "2026-11-28T10:05:00Z";
        s.numShards = 2;
        s.jobs = 1;
        s.gracePeriod = 2.5;
        s.signal = "SIGINT";
        s.config = "conf/augctl.yaml";
        s.outputRoot = "data/processed/augsets";
        s.jobId = "77";
        ShardRecord a = new ShardRecord(0);
        a.state = ShardState.SUCCEEDED;
        a.argv = List.of("python", "gen.py", "it's \"quoted\" $HOME; ünïcode\n");
        a.pid = 100L;
        a.pidStartTime = "2026-11-28T10:00:02Z";
        a.processGroup = 100L;
        a.exitCode = 0;
        a.attempts = 2;
        a.startedAt = "2026-11-28T10:00:02Z";
        a.endedAt = "2026-11-28T10:01:00Z";
        a.log = "logs/augment/shard_0_of_2.log";
        a.cache = "data/cache/augment_shard0.db";
        a.taskId = "77_0";
        ShardRecord b = new ShardRecord(1);
        b.state = ShardState.INTERRUPTED;
        b.exitCode = 137;
        b.signal = "SIGKILL";
        b.message = "stopped by SIGINT";
        s.shards.add(a);
        s.shards.add(b);
        return s;
    }

    @Test
    void everyFieldSurvivesAWriteAndARead() throws IOException {
        Path file = dir.resolve("run.json");
        RunState s = full();
        s.write(file);
        RunState back = RunState.read(file).orElseThrow();
        assertThat(back).usingRecursiveComparison().isEqualTo(s);
    }

    @Test
    void nullFieldsAreWrittenSoTheSchemaIsComplete() throws IOException {
        Path file = dir.resolve("run.json");
        RunState s = new RunState();
        s.numShards = 1;
        s.shards.add(new ShardRecord(0));
        s.write(file);
        String json = Files.readString(file);
        assertThat(json).contains("\"ended_at\" : null", "\"job_id\" : null", "\"exit_code\" : null",
                "\"state\" : \"pending\"", "\"argv\" : [ ]");
        assertThat(RunState.read(file).orElseThrow()).usingRecursiveComparison().isEqualTo(s);
    }

    @Test
    void unknownFieldsOfANewerWriterAreSkipped() throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "{\"schema\": 1, \"future\": {\"a\": [1, {\"b\": null}]}, \"num_shards\": 3,"
                + " \"shards\": [{\"index\": 2, \"state\": \"FAILED\", \"extra\": [\"x\"], \"exit_code\": 1}]}");
        RunState s = RunState.read(file).orElseThrow();
        assertThat(s.numShards).isEqualTo(3);
        assertThat(s.shards).singleElement().satisfies(r -> {
            assertThat(r.index).isEqualTo(2);
            assertThat(r.state).isEqualTo(ShardState.FAILED);
            assertThat(r.exitCode).isEqualTo(1);
        });
    }

    @Test
    void aMissingFileIsEmpty() {
        assertThat(RunState.read(dir.resolve("run.json"))).isEmpty();
    }

    @Test
    void aWrongTypeNamesTheFieldAndTheLine() throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "{\n  \"schema\": 1,\n  \"num_shards\": \"seven\"\n}\n");
        assertThatThrownBy(() -> RunState.read(file))
                .isInstanceOf(AugctlException.class)
                .hasMessageContaining(file + ": not a valid run state: 'num_shards' must be an integer, found a string at line 3")
                .satisfies(e -> assertThat(((AugctlException) e).exitCode()).isEqualTo(2));
    }

    @Test
    void anUnknownShardStateIsNamed() throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "{\"schema\": 1, \"num_shards\": 1, \"shards\": [{\"index\": 0, \"state\": \"exploded\"}]}");
        assertThatThrownBy(() -> RunState.read(file)).hasMessageContaining("unknown shard state 'exploded'");
    }

    @Test
    void aTruncatedFileIsAClearError() throws IOException {
        Path file = dir.resolve("run.json");
        RunState s = full();
        s.write(file);
        String json = Files.readString(file);
        Files.writeString(file, json.substring(0, json.length() / 2));
        assertThatThrownBy(() -> RunState.read(file))
                .isInstanceOf(AugctlException.class)
                .hasMessageStartingWith(file + ": not a valid run state: ");
    }

    @Test
    void contentAfterTheDocumentIsRejected() throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "{\"schema\": 1} {\"schema\": 1}");
        assertThatThrownBy(() -> RunState.read(file)).hasMessageContaining("unexpected content after the document");
    }

    @Test
    void anEmptyObjectIsNotARunState() throws IOException {
        Path file = Files.writeString(dir.resolve("run.json"), "{}");
        assertThatThrownBy(() -> RunState.read(file))
                .hasMessageContaining(file + ": not a valid run state: field 'schema' is missing")
                .hasMessageContaining("'augctl stop' still ends the processes of this log directory");
    }

    @Test
    void shardIndicesMustBeUniqueAndInRange() throws IOException {
        Path file = dir.resolve("run.json");
        Files.writeString(file, "{\"schema\": 1, \"num_shards\": 2, \"shards\": [{\"index\": 0}, {\"index\": 0}]}");
        assertThatThrownBy(() -> RunState.read(file)).hasMessageContaining("shard 0 is listed twice");
        Files.writeString(file, "{\"schema\": 1, \"num_shards\": 2, \"shards\": [{\"index\": 2}]}");
        assertThatThrownBy(() -> RunState.read(file)).hasMessageContaining("shard index 2 is outside 0..1 (num_shards 2)");
        Files.writeString(file, "{\"schema\": 1, \"num_shards\": 2, \"shards\": [{\"index\": -1}]}");
        assertThatThrownBy(() -> RunState.read(file)).hasMessageContaining("shard index -1 is outside");
    }
}
