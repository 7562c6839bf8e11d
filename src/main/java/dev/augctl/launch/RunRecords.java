package dev.augctl.launch;

import dev.augctl.common.HostName;
import dev.augctl.common.ProcessTree;
import dev.augctl.gpu.GpuAssignment;
import dev.augctl.run.RunState;
import dev.augctl.run.ShardRecord;
import dev.augctl.run.ShardState;
import java.time.Instant;
import java.util.Optional;

/** How a launch fills in run.json: the initial state, and a shard record at each start and end. */
final class RunRecords {
    private RunRecords() {
    }

    /** The run state of this launch; records of shards it does not run are kept from the last one. */
    static RunState newState(LaunchSettings settings, ShardPlan plan, String executor, Optional<RunState> previous) {
        RunState s = new RunState();
        s.executor = executor;
        s.runId = plan.runId();
        s.launcherPid = ProcessHandle.current().pid();
        s.launcherStartTime = ProcessTree.startTime(ProcessHandle.current());
        s.host = HostName.get();
        s.startedAt = Instant.now().toString();
        s.numShards = settings.numShards;
        s.jobs = settings.jobs;
        s.gracePeriod = settings.gracePeriod.toMillis() / 1000.0;
        s.config = settings.configFile == null ? null : settings.configFile.toString();
        s.outputRoot = settings.config.outputRoot.toString();
        s.input = settings.config.input.toString();
        s.inputSha256 = settings.input().sha256();
        s.inputRows = settings.input().rows();
        s.gpusPerShard = settings.gpus.none() ? null : settings.gpusPerShard;
        boolean sameShape = previous.isPresent() && previous.get().numShards == settings.numShards;
        for (int i = 0; i < settings.numShards; i++) {
            Optional<ShardRecord> old = sameShape ? previous.get().shard(i) : Optional.empty();
            boolean runs = plan.toRun().contains(i);
            ShardRecord r;
            if (old.isPresent() && (!runs || settings.retryFailed)) {
                r = old.get(); // kept as it was, or retried with its attempts counted on
            } else {
                r = new ShardRecord(i);
                r.log = plan.log(i).toString();
                r.cache = plan.cache(i).toString();
            }
            if (runs) {
                r.state = ShardState.PENDING;
                r.message = null;
            }
            s.shards.add(r);
        }
        return s;
    }

    static void begin(ShardRecord r, ShardSpec spec, int attempt, Instant now) {
        r.state = ShardState.RUNNING;
        r.argv = spec.argv();
        r.jvmOptions = spec.jvmOptions();
        r.attempts = attempt;
        r.startedAt = now.toString();
        r.endedAt = null;
        r.exitCode = null;
        r.signal = null;
        r.message = null;
        r.pid = null;
        r.pidStartTime = null;
        r.processGroup = null;
        r.log = spec.log().toString();
        r.cache = spec.cache().toString();
        r.gpus = spec.env().get(GpuAssignment.VARIABLE);
    }

    static void end(ShardRecord r, ShardState state, ShardExit exit, Instant now, String message) {
        r.state = state;
        r.exitCode = exit == null ? null : exit.exitCode();
        r.signal = exit == null ? null : exit.signal();
        r.endedAt = now.toString();
        r.message = message;
    }
}
