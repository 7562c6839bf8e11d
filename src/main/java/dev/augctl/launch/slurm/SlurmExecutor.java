package dev.augctl.launch.slurm;

import dev.augctl.common.AtomicFiles;
import dev.augctl.common.ShellQuote;
import dev.augctl.launch.BatchExecutor;
import dev.augctl.launch.RunningShard;
import dev.augctl.run.SlurmStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Runs shards as one Slurm job array per submission: writes the batch script into the log directory,
 * submits it with {@code sbatch --parsable --array=...%J}, and tracks the tasks by polling their
 * status files and squeue. Stopping is {@code scancel}.
 */
public final class SlurmExecutor implements BatchExecutor {
    private final SlurmSettings settings;
    private final List<SlurmJob> jobs = new ArrayList<>();

    public SlurmExecutor(SlurmSettings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "slurm";
    }

    /** Checks, before anything is written, that sbatch exists and accepts the options (exit 2 otherwise). */
    public void preflight() {
        Sbatch.testOnly(settings);
    }

    @Override
    public Submission submit(List<Attempt> attempts, int jobsAtOnce) throws IOException {
        TreeSet<Integer> indices = new TreeSet<>();
        attempts.forEach(a -> indices.add(a.spec().index()));
        List<String> cmd = Sbatch.command(settings, Sbatch.arraySpec(indices, jobsAtOnce), settings.scriptPath());
        String script = SlurmScript.render(settings, attempts, ShellQuote.join(cmd));
        // Status and start files of an earlier attempt must not be taken for this one's.
        Files.createDirectories(SlurmStatus.statusDir(settings.logDir));
        for (int i : indices) {
            Files.deleteIfExists(SlurmStatus.statusFile(settings.logDir, i));
            Files.deleteIfExists(SlurmStatus.startFile(settings.logDir, i));
        }
        AtomicFiles.writeString(settings.scriptPath(), script);
        try {
            Files.setPosixFilePermissions(settings.scriptPath(), PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX filesystem: sbatch does not need the execute bit
        }
        String jobId = Sbatch.submit(cmd);
        SlurmJob job = new SlurmJob(jobId, new ArrayList<>(indices), settings.logDir, settings.pollInterval);
        synchronized (jobs) {
            jobs.add(job);
        }
        job.start();
        // Tasks are returned in the order of the attempts given.
        List<RunningShard> byAttempt = new ArrayList<>();
        List<RunningShard> byIndex = job.shards();
        List<Integer> order = new ArrayList<>(indices);
        for (Attempt a : attempts) {
            byAttempt.add(byIndex.get(order.indexOf(a.spec().index())));
        }
        return new Submission(jobId, ShellQuote.join(cmd), byAttempt);
    }

    @Override
    public void close() {
        synchronized (jobs) {
            jobs.forEach(SlurmJob::close);
        }
    }
}
