package dev.augctl.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.PackagedJar;
import dev.augctl.common.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged launcher stopped by SIGTERM sends {@code interrupted} before it exits 143. */
class NotifyIT {
    @TempDir
    Path dir;

    @Test
    void aStoppedLaunchSendsInterrupted() throws Exception {
        Path worker = PackagedJar.home().resolve("src/test/resources/workers/sleeper.sh");
        Path config = dir.resolve("augctl.yaml");
        Files.writeString(config, "num_shards: 2\nlog_dir: \"" + dir.resolve("logs") + "\"\ncache_dir: \"" + dir.resolve("cache")
                + "\"\ngrace_period: 2\nworker:\n  command: [\"/bin/sh\", \"" + worker + "\", \"120\"]\n");
        try (Sink sink = new Sink(200)) {
            Process launch = new ProcessBuilder(PackagedJar.java(), "-jar", PackagedJar.jar().toString(), "launch",
                    "--config", config.toString(), "--notify", sink.url("http", "/hook/secret-token"))
                    .redirectOutput(dir.resolve("out.txt").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
            try {
                assertThat(Json.mapper().readTree(sink.next().body()).get("event").asText()).isEqualTo("started");
                launch.destroy(); // SIGTERM
                assertThat(launch.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(launch.exitValue()).isEqualTo(143);
                JsonNode stopped = Json.mapper().readTree(sink.next().body());
                assertThat(stopped.get("event").asText()).isEqualTo("interrupted");
                assertThat(stopped.get("type").asText()).isEqualTo("warning");
                assertThat(stopped.get("message").asText()).contains("stopped by SIGTERM", "2 interrupted");
                assertThat(Files.readString(dir.resolve("out.txt")) + Files.readString(dir.resolve("err.txt")))
                        .doesNotContain("secret-token");
            } finally {
                launch.descendants().forEach(ProcessHandle::destroyForcibly);
                launch.destroyForcibly();
            }
        }
    }
}
