package dev.augctl.launch.slurm;

import dev.augctl.common.AugctlException;
import dev.augctl.common.ShardPaths;
import dev.augctl.launch.LaunchLock;
import dev.augctl.run.RunState;
import dev.augctl.run.SlurmStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The last launch of a log directory when it was a Slurm job array submitted with --no-wait: nobody
 * kept its run.json current, so before a new launch it is brought up to date from the status files and
 * squeue (so that --retry-failed retries what really failed), and a job still running is refused.
 */
public final class SlurmRuns {
    private SlurmRuns() {
    }

    /** Whether run.json describes a Slurm job that no launcher is waiting for. */
    static Optional<RunState> detached(Path logDir) throws IOException {
        Optional<RunState> state;
        try {
            state = RunState.read(ShardPaths.runState(logDir));
        } catch (AugctlException unreadable) {
            return Optional.empty(); // not this class's to report: the launcher and stop say what to do
        }
        if (state.isEmpty() || !"slurm".equals(state.get().executor) || !"running".equals(state.get().state)
                || LaunchLock.held(logDir)) {
            return Optional.empty();
        }
        return state;
    }

    /** Refuses (exit 2) while tasks of the last, detached Slurm launch are queued or running; else records how they ended. */
    public static void settlePrevious(Path logDir, String configHint) throws IOException {
        Optional<RunState> state = detached(logDir);
        if (state.isEmpty()) {
            return;
        }
        List<String> active = SlurmStatus.refresh(state.get(), logDir, true);
        if (!active.isEmpty()) {
            Set<String> jobs = new LinkedHashSet<>();
            active.forEach(t -> jobs.add(SlurmStatus.jobOf(t)));
            throw AugctlException.badInput("tasks of the last launch are still queued or running in Slurm: "
                    + String.join(", ", active) + "; follow them with 'augctl monitor --follow' or 'squeue -j "
                    + String.join(",", jobs) + "', or end them with 'augctl stop" + configHint + "'");
        }
        write(logDir, state.get());
    }

    /** Writes run.json under the launch lock (skipped when a launcher took the directory meanwhile). */
    static void write(Path logDir, RunState state) throws IOException {
        try (LaunchLock lock = LaunchLock.tryAcquire(logDir)) {
            if (lock != null) {
                state.write(ShardPaths.runState(logDir));
            }
        }
    }
}
