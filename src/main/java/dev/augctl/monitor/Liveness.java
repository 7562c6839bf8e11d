package dev.augctl.monitor;

import dev.augctl.common.HostName;
import dev.augctl.run.RunState;
import dev.augctl.run.ShardRecord;

/**
 * Whether the processes run.json names are alive, where this machine can tell: same host, a pid,
 * and a matching start time (so that a reused pid is not mistaken for the shard).
 */
final class Liveness {
    /** What can be said of one recorded process. */
    enum Process { ALIVE, GONE, UNKNOWN }

    private final boolean local;
    private final boolean localShards;
    private final Process launcher;

    Liveness(RunState run, String hostName) {
        this.local = run != null && ProcessUsage.supported()
                && (run.host == null || HostName.same(run.host, hostName));
        this.localShards = local && !"slurm".equals(run.executor);
        this.launcher = !local || run.launcherPid == null ? Process.UNKNOWN
                : ProcessUsage.isSameProcess(run.launcherPid, run.launcherStartTime) ? Process.ALIVE : Process.GONE;
    }

    Process launcher() {
        return launcher;
    }

    Process shard(ShardRecord rec) {
        if (!localShards || rec.pid == null) {
            return Process.UNKNOWN;
        }
        return ProcessUsage.isSameProcess(rec.pid, rec.pidStartTime) ? Process.ALIVE : Process.GONE;
    }
}
