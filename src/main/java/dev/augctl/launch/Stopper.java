package dev.augctl.launch;

import dev.augctl.common.AugctlException;
import dev.augctl.common.ExitCode;
import dev.augctl.common.Pause;
import dev.augctl.common.ProcessTree;
import dev.augctl.common.ShardPaths;
import dev.augctl.common.TreeStopper;
import dev.augctl.run.RunState;
import dev.augctl.run.ShardState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code augctl stop}: ends a running launcher by sending it SIGTERM (it then stops its own shards
 * and writes its summary), and ends shard process trees left behind by a launcher that was killed.
 */
public final class Stopper {
    /** Extra time, beyond its grace period, that a launcher gets to finish its own shutdown. */
    private static final Duration LAUNCHER_MARGIN = Duration.ofSeconds(30);

    private final Path logDir;
    private final Duration grace;
    private final PrintWriter out;

    public Stopper(Path logDir, Duration grace, PrintWriter out) {
        this.logDir = logDir;
        this.grace = grace;
        this.out = out;
    }

    public int run() throws IOException {
        Path runFile = ShardPaths.runState(logDir);
        Optional<RunState> state = readOrWarn(runFile);
        boolean didSomething = false;
        if (LaunchLock.held(logDir)) {
            didSomething = stopLauncher(state);
            state = readOrWarn(runFile); // the launcher has rewritten it
        }
        if (state.isPresent()) {
            didSomething |= stopLeftovers(state.get(), runFile);
        }
        didSomething |= stopMarked();
        if (!didSomething) {
            say("nothing to stop: no launcher and no shard process is running for " + logDir);
        }
        return ExitCode.OK;
    }

    /** The run state, or empty with a warning when it cannot be read: the processes are still found by their mark. */
    private Optional<RunState> readOrWarn(Path runFile) {
        try {
            return RunState.read(runFile);
        } catch (AugctlException e) {
            say("warning: " + e.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Processes that carry this log directory's mark and are still running after the rest: a
     * launcher's shards when run.json is gone or unreadable, or daemons that left their shard.
     */
    private boolean stopMarked() {
        List<RunTag.Tagged> marked = RunTag.findInLogDir(logDir);
        if (marked.isEmpty()) {
            return false;
        }
        say("sending SIGTERM to " + RunTag.describe(marked) + " of a launch in " + logDir
                + " (found by the AUGCTL_LOG_DIR mark in their environment; SIGKILL after " + Summary.format(grace) + ")");
        RunTag.stop(marked, grace, () -> false);
        List<RunTag.Tagged> left = marked.stream().filter(t -> ProcessTree.running(t.process())).toList();
        say(left.isEmpty() ? "they have ended" : "STILL RUNNING (could not be ended): " + RunTag.describe(left));
        return true;
    }

    private boolean stopLauncher(Optional<RunState> state) {
        Optional<ProcessHandle> launcher = state.flatMap(s -> ProcessTree.find(s.launcherPid, s.launcherStartTime));
        if (launcher.isEmpty()) {
            OptionalLong pid = LaunchLock.holderPid(logDir);
            launcher = pid.isPresent() ? ProcessHandle.of(pid.getAsLong()).filter(ProcessTree::running) : Optional.empty();
        }
        if (launcher.isEmpty()) {
            say("the launch lock " + LaunchLock.path(logDir) + " is held, but its holder is not a process of this machine");
            return false;
        }
        ProcessHandle h = launcher.get();
        double launcherGrace = state.map(s -> s.gracePeriod).orElse(10.0);
        Duration wait = Duration.ofMillis((long) (launcherGrace * 1000)).plus(LAUNCHER_MARGIN);
        say("sending SIGTERM to the launcher (pid " + h.pid() + "); it stops its shards within its grace period of "
                + launcherGrace + " s");
        Instant start = Instant.now();
        h.destroy();
        if (waitGone(h, wait)) {
            say("the launcher (pid " + h.pid() + ") ended after " + Summary.format(Duration.between(start, Instant.now())));
        } else {
            say("the launcher (pid " + h.pid() + ") is still running after " + Summary.format(wait) + ": sending SIGKILL");
            h.destroyForcibly();
            waitGone(h, Duration.ofSeconds(5));
        }
        return true;
    }

    private boolean stopLeftovers(RunState state, Path runFile) throws IOException {
        List<Leftovers.Leftover> left = Leftovers.find(state);
        if (left.isEmpty()) {
            return false;
        }
        List<TreeStopper> trees = new ArrayList<>();
        for (Leftovers.Leftover l : left) {
            TreeStopper tree = new TreeStopper(l.worker(), l.record().processGroup, l.others());
            trees.add(tree);
            say("shard " + l.record().index + ": sending SIGTERM to " + l.processes()
                    + " and its process tree (" + tree.size() + " process" + (tree.size() == 1 ? "" : "es") + ")");
            tree.terminate();
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && trees.stream().anyMatch(TreeStopper::alive)) {
            Pause.millis(50);
        }
        List<Boolean> killed = new ArrayList<>();
        for (int i = 0; i < trees.size(); i++) {
            boolean alive = trees.get(i).alive();
            killed.add(alive);
            if (alive) {
                say("shard " + left.get(i).record().index + ": still running after " + Summary.format(grace) + ": sending SIGKILL");
                trees.get(i).kill();
            }
        }
        long killDeadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < killDeadline && trees.stream().anyMatch(TreeStopper::alive)) {
            trees.forEach(TreeStopper::kill);
            Pause.millis(50);
        }
        record(state, runFile, left, killed);
        for (int i = 0; i < left.size(); i++) {
            say("shard " + left.get(i).record().index + ": " + (trees.get(i).alive() ? "STILL RUNNING (could not be ended)"
                    : killed.get(i) ? "ended by SIGKILL" : "ended after SIGTERM"));
        }
        return true;
    }

    /** Marks the stopped shards interrupted in run.json, under the launch lock so no launcher races us. */
    private void record(RunState state, Path runFile, List<Leftovers.Leftover> left, List<Boolean> killed) throws IOException {
        try (LaunchLock lock = LaunchLock.tryAcquire(logDir)) {
            if (lock == null) {
                return; // a new launcher started meanwhile: the file is its own now
            }
            String now = Instant.now().toString();
            for (int i = 0; i < left.size(); i++) {
                var r = state.shard(left.get(i).record().index).orElseThrow();
                r.state = ShardState.INTERRUPTED;
                r.endedAt = now;
                r.message = "stopped by augctl stop" + (killed.get(i) ? " (SIGKILL after the grace period)" : "");
            }
            if ("running".equals(state.state)) {
                // Its launcher is gone: shards it never saw end, or never started, have no outcome.
                for (var r : state.shards) {
                    if (!r.state.ended()) {
                        r.state = ShardState.INTERRUPTED;
                        r.message = r.pid == null ? "not started: the launcher was killed" : "the launcher was killed";
                    }
                }
                state.state = "interrupted";
                state.endedAt = now;
            }
            state.write(runFile);
        }
    }

    private static boolean waitGone(ProcessHandle h, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (ProcessTree.running(h)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Pause.millis(50);
        }
        return true;
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }

}
