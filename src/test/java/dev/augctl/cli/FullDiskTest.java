package dev.augctl.cli;

import static dev.augctl.generate.GenerateFixture.THREE_METHODS;
import static dev.augctl.generate.GenerateFixture.methods;
import static dev.augctl.generate.GenerateFixture.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.augctl.CliRunner;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full disk, for real: the output root is a tmpfs of a few KiB (mounting needs root; where it
 * cannot be mounted the test is skipped, and fails under CI=true, whose machine is set up for it).
 */
class FullDiskTest {
    @TempDir
    Path dir;
    private Path mount;

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            run("umount", "-l", mount.toString()); // lazy: the in-process worker may still hold a file open
        }
    }

    @Test
    void aFullDiskIsOneLineNamingThePathAndTheCause() throws Exception {
        mount = Files.createDirectories(dir.resolve("small"));
        if (run("mount", "-t", "tmpfs", "-o", "size=16k", "tmpfs", mount.toString()) != 0) {
            mount = null;
            if ("true".equals(System.getenv("CI"))) {
                fail("cannot mount a tmpfs (needs root): CI must run this test");
            }
            Assumptions.abort("cannot mount a tmpfs here (needs root)");
        }
        Path input = sample(dir.resolve("in"), 200);
        Path methods = methods(dir.resolve("in"), THREE_METHODS);
        CliRunner.Result r = CliRunner.run("generate", "--input", input.toString(), "--methods", methods.toString(),
                "--output-root", mount.resolve("out").toString(), "--cache-db", dir.resolve("cache.db").toString(),
                "--save-format", "csv");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
        assertThat(r.err()).hasLineCount(1).startsWith("augctl: error: " + mount.resolve("out")).contains("No space left on device");
        // nothing half-written is left looking complete: no combo has its meta.json without its dataset
        try (var combos = Files.list(mount.resolve("out"))) {
            combos.filter(Files::isDirectory).forEach(c ->
                    assertThat(Files.exists(c.resolve("meta.json"))).isEqualTo(Files.exists(c.resolve("dataset.csv"))));
        }
    }

    private static int run(String... argv) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return p.waitFor(30, TimeUnit.SECONDS) ? p.exitValue() : -1;
    }
}
