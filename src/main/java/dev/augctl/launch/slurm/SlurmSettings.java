package dev.augctl.launch.slurm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The Slurm executor's settings: section {@code slurm} of the configuration with the flags applied. */
public final class SlurmSettings {
    /** Each null means "leave it to the cluster's default". */
    public String partition;
    public String account;
    public String qos;
    public String time;
    public String mem;
    public String jobName = "augctl";
    /** Passed to sbatch verbatim, before the script. */
    public List<String> extraArgs = new ArrayList<>();
    public Duration pollInterval = Duration.ofSeconds(5);
    /** {@code --cpus-per-task}: the shard's thread cap. */
    public int cpusPerTask = 1;
    /** {@code --gpus-per-task}: GPUs each task asks for, bound by Slurm; 0 asks for none. */
    public int gpusPerTask;
    /** The launch's log directory and working directory, absolute: tasks run on other machines. */
    public Path logDir;
    public Path workDir;
    public int numShards;

    /** The script that is submitted: {@code <log_dir>/slurm_job.sh}. */
    public Path scriptPath() {
        return logDir.resolve("slurm_job.sh");
    }

    /** The options written as {@code #SBATCH} lines, so that the script can be resubmitted by hand. */
    List<String> directives() {
        List<String> d = new ArrayList<>();
        d.add("--job-name=" + jobName);
        d.add("--chdir=" + workDir);
        // slurmstepd's own messages (cancelled, time limit) land in the shard's log too.
        d.add("--output=" + logDir.resolve("shard_%a_of_" + numShards + ".log"));
        d.add("--open-mode=append");
        d.add("--cpus-per-task=" + cpusPerTask);
        if (gpusPerTask > 0) {
            d.add("--gpus-per-task=" + gpusPerTask);
        }
        add(d, "--partition=", partition);
        add(d, "--account=", account);
        add(d, "--qos=", qos);
        add(d, "--time=", time);
        add(d, "--mem=", mem);
        return d;
    }

    private static void add(List<String> d, String option, String value) {
        if (value != null && !value.isBlank()) {
            d.add(option + value);
        }
    }
}
