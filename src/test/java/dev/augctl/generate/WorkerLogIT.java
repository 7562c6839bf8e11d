package dev.augctl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged worker's log: the built-in format on stdout, or the user's own with -Dlogback.configurationFile. */
class WorkerLogIT {
    @TempDir
    Path dir;

    private List<String> run(String... jvmOptions) throws Exception {
        Path input = GenerateFixture.sample(dir, 5);
        Path methods = GenerateFixture.methods(dir, """
                methods:
                  - name: word_swap
                    type: word_swap
                """);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(List.of(jvmOptions));
        cmd.addAll(List.of("-jar", WorkerProcess.jar().toString(), "generate", "--input", input.toString(),
                "--methods", methods.toString(), "--output-root", dir.resolve("out").toString(),
                "--cache-db", dir.resolve("c.db").toString()));
        Path stdout = dir.resolve("stdout.log");
        Process p = new ProcessBuilder(cmd).directory(WorkerProcess.home().toFile())
                .redirectOutput(stdout.toFile()).redirectError(dir.resolve("stderr.log").toFile()).start();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("stderr.log"))).isZero();
        return Files.readAllLines(stdout);
    }

    @Test
    void builtInFormatOnStdout() throws Exception {
        List<String> lines = run();
        assertThat(lines).isNotEmpty().allMatch(l -> l.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (INFO |WARN |ERROR) \\S.*"));
        assertThat(lines.get(0)).endsWith(" INFO  shard 0/1: assigned 1 combos: combo_1_word_swap");
        assertThat(lines.get(lines.size() - 1)).contains(" INFO  shard 0/1 complete: 1 combos, ");
    }

    @Test
    void aLogbackConfigurationFileReplacesTheFormat() throws Exception {
        Path xml = Files.writeString(dir.resolve("logback.xml"), """
                <configuration>
                  <appender name="out" class="ch.qos.logback.core.ConsoleAppender">
                    <encoder><pattern>[%level] %logger{0}: %msg%n</pattern></encoder>
                  </appender>
                  <logger name="dev.augctl.generate" level="INFO" additivity="false"><appender-ref ref="out"/></logger>
                  <root level="WARN"><appender-ref ref="out"/></root>
                </configuration>
                """);
        List<String> lines = run("-Dlogback.configurationFile=" + xml);
        assertThat(lines).contains("[INFO] GenerateWorker: shard 0/1: assigned 1 combos: combo_1_word_swap");
        assertThat(lines).anyMatch(l -> l.startsWith("[INFO] ComboRunner: combo 1/1 done: combo_1_word_swap rows="));
    }
}
