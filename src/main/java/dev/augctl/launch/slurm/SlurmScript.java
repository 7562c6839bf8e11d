package dev.augctl.launch.slurm;

import dev.augctl.common.ShellQuote;
import dev.augctl.launch.BatchExecutor.Attempt;
import dev.augctl.launch.ShardLog;
import dev.augctl.run.SlurmStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The batch script of a job array: task {@code i} runs shard {@code i}'s exact argv (a {@code case} on
 * SLURM_ARRAY_TASK_ID), with the same environment, log separator and log file as a local run, and
 * writes its exit status to {@code slurm_status/shard_{i}.exit} (atomically) when the worker ends.
 */
final class SlurmScript {
    private SlurmScript() {
    }

    static String render(SlurmSettings s, List<Attempt> attempts, String submitCommand) {
        StringBuilder b = new StringBuilder();
        b.append("#!/bin/sh\n");
        b.append("# augctl launch: ").append(attempts.size()).append(" of ").append(s.numShards)
                .append(" shards as one Slurm job array; task i runs shard i. Written by augctl; submitted with\n");
        b.append("#   ").append(submitCommand).append('\n');
        b.append("# (sbatch options on the command line override the #SBATCH lines below).\n");
        for (String d : s.directives()) {
            b.append("#SBATCH ").append(d).append('\n');
        }
        b.append('\n');
        b.append("i=\"${SLURM_ARRAY_TASK_ID:?submit this script with sbatch --array}\"\n");
        b.append("task=\"${SLURM_ARRAY_JOB_ID}_$i\"\n");
        b.append("status_dir=").append(ShellQuote.always(SlurmStatus.statusDir(s.logDir).toString())).append('\n');
        Map<String, String> shared = sharedEnv(attempts);
        b.append("case \"$i\" in\n");
        for (Attempt a : attempts) {
            b.append(a.spec().index()).append(")\n");
            b.append("  attempt=").append(a.number()).append('\n');
            b.append("  log=").append(ShellQuote.always(s.workDir.resolve(a.spec().log()).toString())).append('\n');
            b.append("  shown=").append(ShellQuote.always(ShellQuote.join(a.spec().argv()))).append('\n');
            new java.util.TreeMap<>(a.spec().env()).forEach((k, v) -> {
                if (!shared.containsKey(k)) {
                    b.append("  export ").append(k).append('=').append(ShellQuote.always(v)).append('\n');
                }
            });
            b.append("  set --");
            for (String word : a.spec().argv()) {
                b.append(' ').append(ShellQuote.always(word));
            }
            b.append("\n  ;;\n");
        }
        b.append("*)\n  echo \"augctl: job array task $i is not a shard of this job\" >&2\n  exit 2\n  ;;\nesac\n");
        shared.forEach((k, v) -> b.append("export ").append(k).append('=').append(ShellQuote.always(v)).append('\n'));
        b.append('\n');
        b.append("now() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }\n");
        b.append("printf '%s%s attempt %s at %s: %s =====\\n' ").append(ShellQuote.always(ShardLog.SEPARATOR_PREFIX))
                .append(" \"shard $i/").append(s.numShards).append("\" \"$attempt\" \"$(now)\" \"$shown\" >> \"$log\"\n");
        b.append("""
                # The worker runs in the background so that SIGTERM (scancel, time limit) reaches this
                # shell at once; it is passed on to the worker, whose exit status is then recorded.
                mkdir -p "$status_dir"
                printf 'task_id=%s started_at=%s\\n' "$task" "$(now)" > "$status_dir/.shard_$i.start.$task"
                mv -f "$status_dir/.shard_$i.start.$task" "$status_dir/shard_$i.start"
                worker=
                trap '[ -n "$worker" ] && kill -TERM "$worker" 2>/dev/null' TERM INT
                "$@" < /dev/null >> "$log" 2>&1 &
                worker=$!
                while :; do
                  wait "$worker"
                  code=$?
                  kill -0 "$worker" 2>/dev/null || break
                done
                mkdir -p "$status_dir"
                printf 'exit_code=%s task_id=%s ended_at=%s\\n' "$code" "$task" "$(now)" > "$status_dir/.shard_$i.exit.$task"
                mv -f "$status_dir/.shard_$i.exit.$task" "$status_dir/shard_$i.exit"
                exit "$code"
                """);
        return b.toString();
    }

    /** Variables with the same value in every shard are exported once, after the case. */
    private static Map<String, String> sharedEnv(List<Attempt> attempts) {
        Map<String, String> shared = new java.util.TreeMap<>(attempts.get(0).spec().env());
        for (Attempt a : attempts) {
            shared.entrySet().removeIf(e -> !Objects.equals(a.spec().env().get(e.getKey()), e.getValue()));
        }
        if (attempts.size() == 1) {
            // one shard: keep its index with it, as a reader expects
            shared.remove("AUGCTL_SHARD_INDEX");
        }
        return shared;
    }
}
