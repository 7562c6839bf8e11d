package dev.augctl.launch;

import dev.augctl.common.ShardPaths;
import dev.augctl.common.ShellQuote;
import dev.augctl.gpu.GpuAssignment;
import dev.augctl.run.RunState;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** {@code launch --dry-run}: every shard's exact command, log and cache; starts and creates nothing. */
public final class DryRun {
    private DryRun() {
    }

    public static int print(LaunchSettings s, WorkerTemplate template, String executor, PrintWriter out) {
        Optional<RunState> previous = s.retryFailed ? RunState.read(ShardPaths.runState(s.logDir)) : Optional.empty();
        ShardPlan plan = ShardPlan.of(s, template, previous);
        out.println("dry run: " + plan.toRun().size() + " of " + s.numShards + " shards, at most " + s.jobs
                + " at once, executor " + executor + "; nothing is started or created");
        out.println("environment of every shard: AUGCTL_SHARD_INDEX=<shard> AUGCTL_NUM_SHARDS=" + s.numShards + " "
                + assignments(plan.commonEnv()));
        if (s.dynamic(template)) {
            out.println("schedule: dynamic: each shard claims the longest-estimated combo nobody holds, one at a time");
        }
        if (template.usesBuiltinWorker()) {
            out.println("worker JVM: the launcher adds " + String.join(" ", plan.workerJvmOptions())
                    + archiveNote(s, template, executor) + " (docs/WORKER.md, \"The worker's JVM\")");
        }
        ShardOrder order = ShardOrder.of(s, template, plan.toRun(), w -> out.println("warning: " + w));
        out.println("order: " + order.why() + (order.estimates().isEmpty() ? "" : ": " + String.join(", ",
                order.order().stream().map(i -> i + " " + order.estimate(i)).toList())));
        plan.retryDifference().ifPresent(d -> out.println("note: " + d));
        for (int index : order.order()) {
            ShardSpec spec = plan.spec(index);
            out.println();
            out.println(spec.label() + ":" + (order.estimates().containsKey(index) ? " estimated " + order.estimate(index) : ""));
            out.println("  command: " + ShellQuote.join(spec.argv()));
            out.println("  log:     " + spec.log());
            out.println("  cache:   " + spec.cache());
            if (!s.gpus.none()) {
                String gpus = spec.env().get(GpuAssignment.VARIABLE);
                out.println("  gpus:    " + (gpus != null ? GpuAssignment.VARIABLE + "=" + gpus
                        : s.gpusPerShard + " per task, chosen by the scheduler"));
            }
        }
        plan.gpuNote().ifPresent(out::println);
        if (plan.toRun().isEmpty()) {
            out.println("nothing to run: no shard is recorded as failed or interrupted");
        }
        out.flush();
        return dev.augctl.common.ExitCode.OK;
    }

    /** Where the class-data archive is, or that the first shard will make it; empty when none is used. */
    private static String archiveNote(LaunchSettings s, WorkerTemplate template, String executor) {
        return ClassDataArchive.forLaunch(s, template, executor)
                .map(a -> Files.isRegularFile(a.file()) ? "; class-data archive " + a.file()
                        : "; no class-data archive yet: the first shard to start makes " + a.file())
                .orElse("");
    }

    private static String assignments(Map<String, String> env) {
        return env.entrySet().stream().map(e -> e.getKey() + "=" + ShellQuote.quote(e.getValue()))
                .collect(Collectors.joining(" "));
    }
}
