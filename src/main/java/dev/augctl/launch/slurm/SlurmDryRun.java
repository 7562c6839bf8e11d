package dev.augctl.launch.slurm;

import dev.augctl.common.ShardPaths;
import dev.augctl.common.ShellQuote;
import dev.augctl.launch.BatchExecutor.Attempt;
import dev.augctl.launch.BuiltinWorker;
import dev.augctl.launch.LaunchSettings;
import dev.augctl.launch.ShardPlan;
import dev.augctl.launch.WorkerTemplate;
import dev.augctl.run.RunState;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/** {@code launch --executor slurm --dry-run}: the batch script and the exact sbatch command; submits and creates nothing. */
public final class SlurmDryRun {
    private SlurmDryRun() {
    }

    public static void print(LaunchSettings s, WorkerTemplate template, SlurmSettings slurm, PrintWriter out) {
        Optional<RunState> previous = s.retryFailed ? RunState.read(ShardPaths.runState(s.logDir)) : Optional.empty();
        ShardPlan plan = ShardPlan.of(s, template, previous);
        if (plan.toRun().isEmpty()) {
            return;
        }
        List<Attempt> attempts = new ArrayList<>();
        for (int i : plan.toRun()) {
            int done = previous.flatMap(p -> p.shard(i)).map(r -> r.attempts).orElse(0);
            attempts.add(new Attempt(plan.spec(i), done + 1));
        }
        List<String> cmd = Sbatch.command(slurm, Sbatch.arraySpec(new TreeSet<>(plan.toRun()), s.jobs), slurm.scriptPath());
        out.println();
        out.println("sbatch command: " + ShellQuote.join(cmd));
        if (!BuiltinWorker.resolvable("sbatch")) {
            out.println("(sbatch is not on PATH here: run the launch on a Slurm login node)");
        }
        out.println("batch script, written to " + slurm.scriptPath() + " when submitted:");
        out.println("----");
        out.print(SlurmScript.render(slurm, attempts, ShellQuote.join(cmd)));
        out.println("----");
        out.flush();
    }
}
