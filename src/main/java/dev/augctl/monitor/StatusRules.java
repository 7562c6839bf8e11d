package dev.augctl.monitor;

import dev.augctl.run.ShardState;

/** How a shard's status follows from run.json, its log and its process. */
final class StatusRules {
    private StatusRules() {
    }

    /**
     * @param recorded  the shard's state in run.json, or null without run.json
     * @param logExists whether its log exists
     * @param log       what the log says
     * @param silent    whether the log has been silent for longer than the stall limit
     * @param process   whether the recorded process is alive (for a shard run.json calls running)
     * @param launcher  whether the launcher that wrote run.json is alive
     */
    static Status status(ShardState recorded, boolean logExists, LogFacts log, boolean silent,
            Liveness.Process process, Liveness.Process launcher) {
        if (recorded != null) {
            switch (recorded) {
                case PENDING:
                    return Status.PENDING;
                case SUCCEEDED:
                    return Status.SUCCEEDED;
                case FAILED:
                    return Status.FAILED;
                case INTERRUPTED:
                    return Status.INTERRUPTED;
                default:
                    break;
            }
            // run.json says running; if both the shard and its launcher are gone, nobody will
            // update run.json again: the log has the last word.
            if (process == Liveness.Process.GONE && launcher == Liveness.Process.GONE) {
                return log.completed() ? Status.SUCCEEDED : Status.FAILED;
            }
            if (log.completed()) {
                return Status.FINISHING; // the launcher has not seen it end yet
            }
            return silent ? Status.STALLED : Status.RUNNING;
        }
        if (!logExists) {
            return Status.PENDING;
        }
        if (log.completed()) {
            return Status.SUCCEEDED;
        }
        if (log.error() != null) {
            return Status.FAILED;
        }
        return silent ? Status.STALLED : Status.RUNNING;
    }
}
