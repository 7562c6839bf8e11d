package dev.augctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.PackagedJar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged jar and bin/augctl, run as a user runs them. */
class LauncherScriptIT {
    @TempDir
    Path tmp;

    @Test
    void binScriptWorksFromAnyDirectoryAndWithSpacesInItsPath() throws Exception {
        Path home = tmp.resolve("my tools dir");
        Files.createDirectories(home.resolve("bin"));
        Files.createDirectories(home.resolve("target"));
        Path script = home.resolve("bin/augctl");
        Files.copy(PackagedJar.home().resolve("bin/augctl"), script);
        script.toFile().setExecutable(true);
        Files.copy(PackagedJar.jar(), home.resolve("target/augctl.jar"), StandardCopyOption.REPLACE_EXISTING);
        Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));

        PackagedJar.Result r = PackagedJar.exec(elsewhere, Map.of(), List.of(script.toString(), "--version"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).startsWith("augctl ");

        // Through a symlink too, as when bin/augctl is linked into ~/.local/bin.
        Path link = Files.createSymbolicLink(tmp.resolve("augctl-link"), script);
        assertThat(PackagedJar.exec(elsewhere, Map.of(), List.of(link.toString(), "--version")).exitCode()).isZero();
    }

    @Test
    void binScriptPassesJavaOpts() throws Exception {
        Path script = PackagedJar.home().resolve("bin/augctl");
        PackagedJar.Result r = PackagedJar.exec(tmp, Map.of("JAVA_OPTS", "-XshowSettings:properties"),
                List.of(script.toString(), "--version"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.err()).contains("Property settings:");
    }

    @Test
    void binScriptRunsLaunchAndStopWithTheQuickCompilerOnlyAndJavaOptsWin() throws Exception {
        Path script = PackagedJar.home().resolve("bin/augctl");
        Map<String, String> flags = Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags");
        PackagedJar.Result launch = PackagedJar.exec(tmp, flags, List.of(script.toString(), "-v", "launch", "--help"));
        assertThat(launch.exitCode()).isZero();
        assertThat(launch.out()).contains("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
        PackagedJar.Result stop = PackagedJar.exec(tmp, flags, List.of(script.toString(), "stop", "--help"));
        assertThat(stop.out()).contains("-XX:TieredStopAtLevel=1");

        // Commands that compute (merge, monitor, generate) keep the optimizing compiler.
        PackagedJar.Result merge = PackagedJar.exec(tmp, flags, List.of(script.toString(), "merge", "--help"));
        assertThat(merge.exitCode()).isZero();
        assertThat(merge.out()).contains("-XX:+UseSerialGC").doesNotContain("TieredStopAtLevel");

        PackagedJar.Result overridden = PackagedJar.exec(tmp,
                Map.of("JAVA_OPTS", "-XX:+PrintCommandLineFlags -XX:+UseParallelGC -XX:TieredStopAtLevel=4"),
                List.of(script.toString(), "launch", "--help"));
        assertThat(overridden.out()).contains("-XX:+UseParallelGC", "-XX:TieredStopAtLevel=4")
                .doesNotContain("-XX:+UseSerialGC", "TieredStopAtLevel=1");
    }

    @Test
    void binScriptWithoutAJarSaysHowToBuildIt() throws Exception {
        Path home = tmp.resolve("empty");
        Files.createDirectories(home.resolve("bin"));
        Path script = home.resolve("bin/augctl");
        Files.copy(PackagedJar.home().resolve("bin/augctl"), script);
        script.toFile().setExecutable(true);
        PackagedJar.Result r = PackagedJar.exec(tmp, Map.of(), List.of(script.toString(), "--help"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("augctl.jar not found", "mvn -B package");
    }

    @Test
    void helpLoadsNoHeavyLibrary() throws IOException, InterruptedException {
        PackagedJar.Result r = PackagedJar.exec(tmp, Map.of(), List.of(PackagedJar.java(),
                "-Xlog:class+load=info", "-jar", PackagedJar.jar().toString(), "--help"));
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("Usage: augctl")
                .doesNotContain("org.apache.parquet")
                .doesNotContain("net.sf.extjwnl")
                .doesNotContain("org.sqlite")
                .doesNotContain("ch.qos.logback");
    }

    @Test
    void unknownCommandExits2FromTheJar() throws IOException, InterruptedException {
        PackagedJar.Result r = PackagedJar.run(tmp, "nosuchcommand");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Unmatched argument", "nosuchcommand");
    }
}
