package dev.augctl.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.PackagedJar;
import dev.augctl.common.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in worker's class-data archive through {@code bin/augctl launch}: the first run makes it
 * (no CDS message in the shard logs), the next runs map it, and the datasets are byte for byte the same
 * with the archive, without it, and while it is being made.
 */
class ClassDataArchiveIT {
    @TempDir
    Path tmp;

    @Test
    void theFirstRunMakesTheArchive_laterRunsUseIt_andTheDatasetsDoNotChange() throws Exception {
        Workspace ws = Workspace.create(tmp.resolve("project"));
        Map<String, String> env = Map.of("XDG_CACHE_HOME", tmp.resolve("xdg").toString());
        Path archives = tmp.resolve("xdg/augctl/class-data");

        launch(ws, env, "--num-shards", "2");
        Map<String, String> made = datasets(ws);
        try (Stream<Path> files = Files.list(archives)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).singleElement().asString()
                    .startsWith("worker-").endsWith(".jsa");
        }
        for (Path log : List.of(ws.logs().resolve("shard_0_of_2.log"), ws.logs().resolve("shard_1_of_2.log"))) {
            assertThat(Files.readString(log)).doesNotContain("[warning]").doesNotContain("[cds");
        }

        launch(ws, env, "--num-shards", "2", "--force");
        JsonNode shards = Json.mapper().readTree(ws.logs().resolve("run.json").toFile()).get("shards");
        for (JsonNode s : shards) {
            assertThat(s.get("jvm_options").toString()).contains("-XX:SharedArchiveFile=" + archives);
            assertThat(s.get("argv").toString()).contains("-XX:SharedArchiveFile=" + archives);
        }
        assertThat(datasets(ws)).isEqualTo(made);

        Path conf = ws.dir.resolve("conf/augctl.yaml");
        Files.writeString(conf, Files.readString(conf).replace("class_data_archive: true", "class_data_archive: false"));
        launch(ws, env, "--num-shards", "2", "--force");
        shards = Json.mapper().readTree(ws.logs().resolve("run.json").toFile()).get("shards");
        assertThat(shards.get(0).get("argv").toString()).doesNotContain("SharedArchiveFile").doesNotContain("ArchiveClassesAtExit");
        assertThat(datasets(ws)).isEqualTo(made);
    }

    private static void launch(Workspace ws, Map<String, String> env, String... args) throws IOException, InterruptedException {
        PackagedJar.Result r = PackagedJar.exec(ws.dir, env, Workspace.command(Stream.concat(Stream.of("launch"),
                Stream.of(args)).toArray(String[]::new)));
        assertThat(r.exitCode()).as(r.out() + r.err()).isZero();
    }

    /** combo folder to the SHA-256 of its dataset. */
    private static Map<String, String> datasets(Workspace ws) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> dirs = Files.list(ws.output())) {
            for (Path d : dirs.filter(p -> Files.isRegularFile(p.resolve("dataset.parquet"))).toList()) {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(d.resolve("dataset.parquet")));
                out.put(d.getFileName().toString(), HexFormat.of().formatHex(digest));
            }
        }
        assertThat(out).hasSizeGreaterThan(10);
        return out;
    }
}
