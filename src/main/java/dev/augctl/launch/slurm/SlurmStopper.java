package dev.augctl.launch.slurm;

import dev.augctl.common.ExitCode;
import dev.augctl.common.Pause;
import dev.augctl.run.RunState;
import dev.augctl.run.ShardState;
import dev.augctl.run.SlurmStatus;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code augctl stop} for a Slurm job array that no launcher waits for (launched with --no-wait):
 * scancel its jobs, wait until squeue shows none of their tasks, mark them interrupted in run.json.
 */
public final class SlurmStopper {
    private final Path logDir;
    private final Duration grace;
    private final PrintWriter out;

    public SlurmStopper(Path logDir, Duration grace, PrintWriter out) {
        this.logDir = logDir;
        this.grace = grace;
        this.out = out;
    }

    /** Whether this log directory's run is a Slurm job that no launcher waits for. */
    public static boolean applies(Path logDir) throws IOException {
        return SlurmRuns.detached(logDir).isPresent();
    }

    public int run() throws IOException {
        Optional<RunState> found = SlurmRuns.detached(logDir);
        if (found.isEmpty()) {
            say("nothing to stop: no Slurm job is recorded as running for " + logDir);
            return ExitCode.OK;
        }
        RunState state = found.get();
        List<String> active = SlurmStatus.refresh(state, logDir, true);
        if (active.isEmpty()) {
            SlurmRuns.write(logDir, state);
            say("nothing to stop: no task of job " + state.jobId + " is queued or running any more (run.json updated)");
            return ExitCode.OK;
        }
        Set<String> jobs = new LinkedHashSet<>();
        active.forEach(t -> jobs.add(SlurmStatus.jobOf(t)));
        for (String job : jobs) {
            say("job " + job + ": scancel (" + active.stream().filter(t -> SlurmStatus.jobOf(t).equals(job)).count()
                    + " task(s) queued or running)");
            Sbatch.scancel(job, false);
        }
        long start = System.nanoTime();
        boolean killed = false;
        List<String> left = active;
        while (!left.isEmpty() && System.nanoTime() - start < grace.plusSeconds(60).toNanos()) {
            if (!killed && System.nanoTime() - start > grace.toNanos()) {
                killed = true;
                jobs.forEach(j -> Sbatch.scancel(j, true));
            }
            Pause.millis(500);
            left = SlurmStatus.refresh(state, logDir, true);
        }
        String now = java.time.Instant.now().toString();
        for (var r : state.shards) {
            if (r.taskId != null && active.contains(r.taskId)) {
                r.state = ShardState.INTERRUPTED;
                r.endedAt = r.endedAt != null ? r.endedAt : now;
                r.message = "stopped by augctl stop (scancel)";
            }
        }
        if (left.isEmpty()) {
            state.state = "interrupted";
            state.endedAt = now;
        }
        SlurmRuns.write(logDir, state);
        say(left.isEmpty() ? "job " + String.join(", ", jobs) + ": no task left in squeue"
                : "STILL IN SQUEUE after " + grace.plusSeconds(60).toSeconds() + " s: " + String.join(", ", left));
        return ExitCode.OK;
    }

    private void say(String line) {
        out.println(line);
        out.flush();
    }

}
