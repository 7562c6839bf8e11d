package dev.augctl.cli;

import dev.augctl.config.AugctlConfig;
import dev.augctl.config.ConfigChecks;
import dev.augctl.launch.Stopper;
import dev.augctl.launch.slurm.SlurmStopper;
import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code augctl stop}: ends a running launcher, or the shards a killed launcher left behind. */
@Command(name = "stop",
        description = {
            "Stop the launch of this log directory: send SIGTERM to a running launcher and wait while it stops its "
                + "shards; end shard process trees left running by a launcher that was killed (SIGTERM, then SIGKILL "
                + "after the grace period) and mark them interrupted in run.json. For a Slurm job array launched with --no-wait: "
                + "scancel it and wait until squeue shows none of its tasks. Exits 0, also when nothing runs.",
        })
public final class StopCommand extends BaseCommand {
    @Option(names = "--log-dir", paramLabel = "DIR", description = "The launch's log directory (config log_dir).")
    Path logDir;

    @Option(names = "--grace-period", paramLabel = "SECONDS",
            description = "Seconds between SIGTERM and SIGKILL for left-behind shards (config grace_period).")
    Double gracePeriod;

    @Override
    protected int doCall() throws Exception {
        AugctlConfig c = config();
        if (gracePeriod != null) {
            c.gracePeriod = gracePeriod;
            ConfigChecks.first(c).filter(p -> p.key().equals("grace_period")).ifPresent(p -> {
                throw new ParameterException(spec.commandLine(), p.describe(ConfigChecks::flag));
            });
        }
        Path dir = logDir != null ? logDir : c.logDir;
        Duration graceTime = Duration.ofMillis(Math.round(c.gracePeriod * 1000));
        if (SlurmStopper.applies(dir)) {
            return new SlurmStopper(dir, graceTime, out()).run(); // a job array launched with --no-wait
        }
        return new Stopper(dir, graceTime, out()).run();
    }
}
