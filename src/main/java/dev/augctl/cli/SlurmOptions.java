package dev.augctl.cli;

import dev.augctl.config.AugctlConfig;
import dev.augctl.launch.slurm.SlurmSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The options of {@code launch --executor slurm}; each overrides its key in the config's {@code slurm} section. */
public final class SlurmOptions {
    @Option(names = "--no-wait", description = "Slurm: return once the job array is submitted, printing its job id "
            + "(follow it with 'augctl monitor --follow' or 'squeue -j ID'; stop it with 'augctl stop').")
    boolean noWait;

    @Option(names = "--partition", paramLabel = "NAME", description = "Slurm partition (config slurm.partition).")
    String partition;

    @Option(names = "--account", paramLabel = "NAME", description = "Slurm account to charge (config slurm.account).")
    String account;

    @Option(names = "--qos", paramLabel = "NAME", description = "Slurm quality of service (config slurm.qos).")
    String qos;

    @Option(names = "--time", paramLabel = "LIMIT", description = "Time limit of each task, e.g. 04:00:00 (config slurm.time).")
    String time;

    @Option(names = "--mem", paramLabel = "SIZE", description = "Memory of each task, e.g. 4G (config slurm.mem).")
    String mem;

    @Option(names = "--job-name", paramLabel = "NAME", description = "Slurm job name (config slurm.job_name).")
    String jobName;

    @Option(names = "--sbatch-arg", paramLabel = "ARG",
            description = "An extra sbatch argument, passed verbatim; repeatable (added to config slurm.extra_args).")
    List<String> sbatchArgs = new ArrayList<>();

    /** The config's section with these flags applied. */
    SlurmSettings settings(AugctlConfig.Slurm c, Path logDir, int numShards, int threadsPerShard) {
        SlurmSettings s = new SlurmSettings();
        s.partition = partition != null ? partition : c.partition;
        s.account = account != null ? account : c.account;
        s.qos = qos != null ? qos : c.qos;
        s.time = time != null ? time : c.time;
        s.mem = mem != null ? mem : c.mem;
        s.jobName = jobName != null ? jobName : c.jobName;
        s.extraArgs = new ArrayList<>(c.extraArgs);
        s.extraArgs.addAll(sbatchArgs);
        s.pollInterval = Duration.ofMillis(Math.round(c.pollInterval * 1000));
        s.cpusPerTask = threadsPerShard;
        s.logDir = logDir.toAbsolutePath().normalize();
        s.workDir = Path.of("").toAbsolutePath();
        s.numShards = numShards;
        return s;
    }
}
