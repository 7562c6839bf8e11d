package dev.augctl.launch;

import static dev.augctl.launch.LaunchFixture.await;
import static dev.augctl.launch.LaunchFixture.running;
import static dev.augctl.launch.LaunchFixture.worker;
import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.run.RunState;
import dev.augctl.run.ShardRecord;
import dev.augctl.run.ShardState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher as a separate JVM, signalled and killed like a user would: nothing may be left behind. */
class LaunchProcessTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private static boolean allRunning(LaunchFixture f, int n) {
        return f.runState().map(s -> s.shards.stream().filter(r -> r.state == ShardState.RUNNING && r.pid != null).count() == n)
                .orElse(false);
    }

    @Test
    void sigintStopsEveryShardAndItsGrandchildrenThenExits130() throws Exception {
        try (LaunchFixture f = new LaunchFixture(dir).config(2, 5, "/bin/sh", worker("spawner.sh"), dir + "/pids{shard}")) {
            Process launcher = f.augctl("launch", "--config", f.config.toString());
            List<Long> pids = new ArrayList<>(f.pids(dir.resolve("pids0")));
            pids.addAll(f.pids(dir.resolve("pids1")));
            await(TIMEOUT, "both shards running", () -> allRunning(f, 2));
            assertThat(pids).hasSize(6).allMatch(LaunchFixture::running);
            // The signal must really reach the launcher: it must not have inherited SIGINT as ignored.
            assertThat(LaunchFixture.ignoresSigint(launcher.pid())).isFalse();

            new ProcessBuilder("kill", "-INT", Long.toString(launcher.pid())).start().waitFor();

            assertThat(f.exit(launcher, TIMEOUT)).isEqualTo(130);
            assertThat(pids).noneMatch(LaunchFixture::running); // both grandchildren: in the group and setsid'd away
            RunState state = f.runState().orElseThrow();
            assertThat(state.state).isEqualTo("interrupted");
            assertThat(state.signal).isEqualTo("SIGINT");
            assertThat(state.shards).allSatisfy(r -> {
                assertThat(r.state).isEqualTo(ShardState.INTERRUPTED);
                assertThat(r.message).startsWith("stopped by SIGINT");
                assertThat(r.processGroup).isEqualTo(r.pid); // setsid made the worker lead its own group
            });
            assertThat(f.output(0)).contains("SIGINT received", "shard  state", "interrupted", "2 shards: 2 interrupted");
        }
    }

    @Test
    void shardsAndTheirChildrenRunAtTheNiceValueAndTheirOwnAutogroupToo() throws Exception {
        for (int nice : new int[] {10, 0}) {
            Path d = java.nio.file.Files.createDirectories(dir.resolve("nice" + nice));
            try (LaunchFixture f = new LaunchFixture(d).config(1, 1, "/bin/sh", worker("spawner.sh"), d + "/pids{shard}")) {
                Process launcher = f.augctl("launch", "--config", f.config.toString(), "--nice", Integer.toString(nice));
                List<Long> pids = f.pids(d.resolve("pids0"));
                await(TIMEOUT, "the shard running", () -> allRunning(f, 1));
                int base = niceOf(ProcessHandle.current().pid());
                // the worker, a child in its group and a child that left its session: all inherit it
                for (long pid : pids) {
                    assertThat(niceOf(pid)).as("nice of pid %d", pid).isEqualTo(Math.min(19, base + nice));
                }
                if (java.nio.file.Files.readString(Path.of("/proc/sys/kernel/sched_autogroup_enabled")).trim().equals("1")) {
                    String group = java.nio.file.Files.readString(Path.of("/proc", pids.get(0).toString(), "autogroup"));
                    assertThat(group).as("the shard's own scheduling group").endsWith("nice " + nice + "\n");
                    assertThat(java.nio.file.Files.readString(Path.of("/proc", Long.toString(launcher.pid()), "autogroup")))
                            .as("the launcher's group keeps its priority").doesNotContain("nice " + (nice == 0 ? 99 : nice));
                }
                new ProcessBuilder("kill", "-INT", Long.toString(launcher.pid())).start().waitFor();
                assertThat(f.exit(launcher, TIMEOUT)).isEqualTo(130);
            }
        }
    }

    /** Field 19 of /proc/PID/stat. */
    private static int niceOf(long pid) {
        return Integer.parseInt(dev.augctl.common.ProcessTree.stat(pid)[16]);
    }

    @Test
    void sighupStopsTheShardsLikeCtrlCAndExits129() throws Exception {
        try (LaunchFixture f = new LaunchFixture(dir).config(1, 5, "/bin/sh", worker("spawner.sh"), dir + "/pids{shard}")) {
            Process launcher = f.augctl(List.of("--default-signal=INT", "--default-signal=HUP"), "launch", "--config", f.config.toString());
            List<Long> pids = f.pids(dir.resolve("pids0"));
            await(TIMEOUT, "the shard running", () -> allRunning(f, 1));

            new ProcessBuilder("kill", "-HUP", Long.toString(launcher.pid())).start().waitFor();

            assertThat(f.exit(launcher, TIMEOUT)).isEqualTo(129);
            assertThat(pids).noneMatch(LaunchFixture::running);
            RunState state = f.runState().orElseThrow();
            assertThat(state.signal).isEqualTo("SIGHUP");
            assertThat(state.shard(0).orElseThrow().state).isEqualTo(ShardState.INTERRUPTED);
            assertThat(f.output(0)).contains("SIGHUP received", "1 shard: 1 interrupted");
        }
    }

    @Test
    void aLauncherStartedWithSighupIgnoredLikeNohupKeepsRunningOnAHangUp() throws Exception {
        try (LaunchFixture f = new LaunchFixture(dir).config(1, 5, "/bin/sh", worker("spawner.sh"), dir + "/pids{shard}")) {
            Process launcher = f.augctl(List.of("--default-signal=INT", "--ignore-signal=HUP"), "launch", "--config", f.config.toString());
            List<Long> pids = f.pids(dir.resolve("pids0"));
            await(TIMEOUT, "the shard running", () -> allRunning(f, 1));

            new ProcessBuilder("kill", "-HUP", Long.toString(launcher.pid())).start().waitFor();
            Thread.sleep(1000);
            assertThat(launcher.isAlive()).isTrue();
            assertThat(pids).allMatch(LaunchFixture::running);

            new ProcessBuilder("kill", "-INT", Long.toString(launcher.pid())).start().waitFor();
            assertThat(f.exit(launcher, TIMEOUT)).isEqualTo(130);
            assertThat(pids).noneMatch(LaunchFixture::running);
        }
    }

    @Test
    void sigtermEscalatesToSigkillAfterTheGracePeriodAndExits143() throws Exception {
        try (LaunchFixture f = new LaunchFixture(dir).config(2, 1, "/bin/sh", worker("stubborn.sh"), dir + "/pid{shard}")) {
            // 3 shards at most 2 at once: the third never starts and is recorded as interrupted.
            Process launcher = f.augctl("launch", "--config", f.config.toString(), "--num-shards", "3", "--jobs", "2");
            long p0 = f.pids(dir.resolve("pid0")).get(0);
            long p1 = f.pids(dir.resolve("pid1")).get(0);
            await(TIMEOUT, "two shards running", () -> allRunning(f, 2));

            long start = System.nanoTime();
            launcher.destroy(); // SIGTERM
            assertThat(f.exit(launcher, TIMEOUT)).isEqualTo(143);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));

            assertThat(running(p0)).isFalse();
            assertThat(running(p1)).isFalse();
            RunState state = f.runState().orElseThrow();
            assertThat(state.state).isEqualTo("interrupted");
            ShardRecord r0 = state.shard(0).orElseThrow();
            assertThat(r0.state).isEqualTo(ShardState.INTERRUPTED);
            assertThat(r0.signal).isEqualTo("SIGKILL");
            assertThat(r0.exitCode).isEqualTo(137);
            assertThat(r0.message).contains("SIGKILL after the grace period");
            ShardRecord r2 = state.shard(2).orElseThrow();
            assertThat(r2.state).isEqualTo(ShardState.INTERRUPTED);
            assertThat(r2.attempts).isZero();
            assertThat(r2.message).startsWith("not started");
            assertThat(f.output(0)).contains("SIGTERM received", "SIGKILL", "3 shards: 3 interrupted");
        }
    }

    @Test
    void aSignalWhileShardsAreStartingLeavesNothingInAnyShardsSession() throws Exception {
        // Each shard forks a grandchild in its session; the launcher is stopped as soon as the first
        // shard is recorded, while the others may still be starting (setsid not yet effective).
        try (LaunchFixture f = new LaunchFixture(dir).config(8, 5, "/bin/sh", "-c", "sleep 1000 & wait")) {
            Process launcher = f.augctl("launch", "--config", f.config.toString());
            await(TIMEOUT, "a shard started", () -> f.runState()
                    .map(s -> s.shards.stream().anyMatch(r -> r.pid != null)).orElse(false));
            launcher.destroy(); // SIGTERM

            assertThat(f.exit(launcher, TIMEOUT)).isEqualTo(143);
            RunState state = f.runState().orElseThrow();
            List<Long> sessions = state.shards.stream().map(r -> r.processGroup).filter(java.util.Objects::nonNull).toList();
            assertThat(sessions).isNotEmpty();
            assertThat(LaunchFixture.sessionMembers(sessions)).isEmpty();
            assertThat(state.shards).allMatch(r -> r.state == ShardState.INTERRUPTED);
        }
    }

    @Test
    void sigintAlsoStopsADaemonThatLeftItsShardsTreeAndSession() throws Exception {
        try (LaunchFixture f = new LaunchFixture(dir).config(1, 5, "/bin/sh", worker("daemonizer.sh"), dir + "/daemon{shard}", "1000")) {
            Process launcher = f.augctl("launch", "--config", f.config.toString());
            long daemon = f.pids(dir.resolve("daemon0")).get(0);
            await(TIMEOUT, "the shard running", () -> allRunning(f, 1));
            assertThat(running(daemon)).isTrue();

            new ProcessBuilder("kill", "-INT", Long.toString(launcher.pid())).start().waitFor();

            assertThat(f.exit(launcher, TIMEOUT)).isEqualTo(130);
            assertThat(running(daemon)).isFalse();
            assertThat(f.output(0)).contains("stopping a process started by shard 0 (pid " + daemon
                    + ") that outlived their shard's process tree");
            assertThat(f.runState().orElseThrow().runId).isNotBlank();
        }
    }

    @Test
    void aDaemonLeftByASucceededShardIsNamedAndStopEndsIt() throws Exception {
        try (LaunchFixture f = new LaunchFixture(dir).config(1, 5, "/bin/sh", worker("daemonizer.sh"), dir + "/daemon{shard}", "0")) {
            Process launcher = f.augctl("launch", "--config", f.config.toString());
            assertThat(f.exit(launcher, TIMEOUT)).isZero();
            long daemon = f.pids(dir.resolve("daemon0")).get(0);
            assertThat(running(daemon)).isTrue(); // not stopped: the shard ended by itself
            assertThat(f.output(0)).contains("shard 0/1 succeeded",
                    "augctl: warning: a process started by shard 0 (pid " + daemon + ") still running after its shard ended",
                    "'augctl stop --config " + f.config + "' ends them");

            // The next launch refuses to start over it; stop ends it.
            Process again = f.augctl("launch", "--config", f.config.toString());
            assertThat(f.exit(again, TIMEOUT)).isEqualTo(2);
            assertThat(f.output(1)).contains("still running: shard 0 (pid " + daemon + " it started)");
            Process stop = f.augctl("stop", "--config", f.config.toString());
            assertThat(f.exit(stop, TIMEOUT)).isZero();
            assertThat(f.output(2)).contains("shard 0: sending SIGTERM to pid " + daemon + " it started");
            await(Duration.ofSeconds(10), "the daemon gone", () -> !running(daemon));
        }
    }

    @Test
    void stopAfterAKilledLauncherAlsoEndsADaemonOfItsShard() throws Exception {
        try (LaunchFixture f = new LaunchFixture(dir).config(1, 5, "/bin/sh", worker("daemonizer.sh"), dir + "/daemon{shard}", "1000")) {
            Process launcher = f.augctl("launch", "--config", f.config.toString());
            long daemon = f.pids(dir.resolve("daemon0")).get(0);
            await(TIMEOUT, "the shard running", () -> allRunning(f, 1));
            long worker = f.runState().orElseThrow().shard(0).orElseThrow().pid;
            launcher.destroyForcibly(); // SIGKILL: no handler, no hook runs
            f.exit(launcher, TIMEOUT);

            Process stop = f.augctl("stop", "--config", f.config.toString());
            assertThat(f.exit(stop, TIMEOUT)).isZero();
            assertThat(f.output(1)).contains("shard 0: sending SIGTERM to pid " + worker);
            await(Duration.ofSeconds(10), "worker and daemon gone", () -> !running(worker) && !running(daemon));
        }
    }

    @Test
    void aKilledLauncherLeavesShardsThatLaunchRefusesAndStopEnds() throws Exception {
        try (LaunchFixture f = new LaunchFixture(dir).config(2, 1, "/bin/sh", worker("spawner.sh"), dir + "/pids{shard}")) {
            Process launcher = f.augctl("launch", "--config", f.config.toString());
            List<Long> pids = new ArrayList<>(f.pids(dir.resolve("pids0")));
            pids.addAll(f.pids(dir.resolve("pids1")));
            await(TIMEOUT, "both shards running", () -> allRunning(f, 2));
            launcher.destroyForcibly(); // SIGKILL: no handler, no hook runs
            f.exit(launcher, TIMEOUT);
            assertThat(pids).allMatch(LaunchFixture::running);

            Process again = f.augctl("launch", "--config", f.config.toString());
            assertThat(f.exit(again, TIMEOUT)).isEqualTo(2);
            assertThat(f.output(1)).contains("still running", "shard 0 (pid " + pids.get(0) + ")",
                    "shard 1 (pid " + pids.get(3) + ")", "augctl stop");
            assertThat(pids).allMatch(LaunchFixture::running);

            Process stop = f.augctl("stop", "--config", f.config.toString());
            assertThat(f.exit(stop, TIMEOUT)).isZero();
            assertThat(f.output(2)).contains("shard 0: sending SIGTERM to pid " + pids.get(0), "ended");
            await(Duration.ofSeconds(10), "every process gone", () -> pids.stream().noneMatch(LaunchFixture::running));
            assertThat(f.runState().orElseThrow().shards).allMatch(r -> r.state == ShardState.INTERRUPTED);

            Process nothing = f.augctl("stop", "--config", f.config.toString());
            assertThat(f.exit(nothing, TIMEOUT)).isZero();
            assertThat(f.output(3)).contains("nothing to stop");
        }
    }

    @Test
    void aCorruptRunStateDoesNotHideRunningShardsFromLaunchOrStop() throws Exception {
        try (LaunchFixture f = new LaunchFixture(dir).config(2, 1, "/bin/sh", worker("spawner.sh"), dir + "/pids{shard}")) {
            Process launcher = f.augctl("launch", "--config", f.config.toString());
            List<Long> pids = new ArrayList<>(f.pids(dir.resolve("pids0")));
            pids.addAll(f.pids(dir.resolve("pids1")));
            await(TIMEOUT, "both shards running", () -> allRunning(f, 2));
            launcher.destroyForcibly(); // SIGKILL, then the file is truncated
            f.exit(launcher, TIMEOUT);
            Path runFile = f.logDir.resolve("run.json");
            byte[] whole = java.nio.file.Files.readAllBytes(runFile);
            byte[] truncated = java.util.Arrays.copyOf(whole, whole.length / 2);
            java.nio.file.Files.write(runFile, truncated);

            Process again = f.augctl("launch", "--config", f.config.toString());
            assertThat(f.exit(again, TIMEOUT)).isEqualTo(2);
            assertThat(f.output(1)).contains("processes of an earlier launch in", "are still running", "shards 0, 1", "augctl stop");
            // Moving the file away does not make them invisible either.
            java.nio.file.Files.move(runFile, f.logDir.resolve("run.json.bad"));
            Process third = f.augctl("launch", "--config", f.config.toString());
            assertThat(f.exit(third, TIMEOUT)).isEqualTo(2);
            assertThat(f.output(2)).contains("are still running");
            assertThat(pids).allMatch(LaunchFixture::running);

            java.nio.file.Files.write(runFile, truncated);
            Process stop = f.augctl("stop", "--config", f.config.toString());
            assertThat(f.exit(stop, TIMEOUT)).isZero();
            assertThat(f.output(3)).contains("warning: ", "not a valid run state", "sending SIGTERM to", "AUGCTL_LOG_DIR",
                    "they have ended");
            await(Duration.ofSeconds(10), "every process gone", () -> pids.stream().noneMatch(LaunchFixture::running));
            assertThat(java.nio.file.Files.readAllBytes(runFile)).isEqualTo(truncated); // kept for the user to look at

            Process corrupt = f.augctl("launch", "--config", f.config.toString());
            assertThat(f.exit(corrupt, TIMEOUT)).isEqualTo(2);
            assertThat(f.output(4)).contains("not a valid run state", "move the file away");
        }
    }

    @Test
    void oneLauncherPerLogDirectoryAndStopEndsARunningLauncher() throws Exception {
        try (LaunchFixture f = new LaunchFixture(dir).config(1, 5, "/bin/sh", worker("stubborn.sh"), dir + "/pid{shard}")) {
            Process first = f.augctl("launch", "--config", f.config.toString(), "--grace-period", "0.5");
            long worker = f.pids(dir.resolve("pid0")).get(0);
            await(TIMEOUT, "the shard running", () -> allRunning(f, 1));

            Process second = f.augctl("launch", "--config", f.config.toString());
            assertThat(f.exit(second, TIMEOUT)).isEqualTo(2);
            assertThat(f.output(1)).contains("another launcher (pid " + first.pid() + " on host ", "launch.lock");

            Process stop = f.augctl("stop", "--config", f.config.toString());
            assertThat(f.exit(stop, TIMEOUT)).isZero();
            assertThat(f.output(2)).contains("sending SIGTERM to the launcher (pid " + first.pid() + ")",
                    "the launcher (pid " + first.pid() + ") ended");
            assertThat(f.exit(first, TIMEOUT)).isEqualTo(143);
            assertThat(running(worker)).isFalse();
            assertThat(f.runState().orElseThrow().shard(0).orElseThrow().signal).isEqualTo("SIGKILL");
        }
    }
}
