package dev.augctl.launch;

import dev.augctl.run.RunState;

/**
 * Told of a launch's events on the launcher's thread (notifications, hooks). It must return at
 * once and copy what it needs: {@code run} keeps changing after the call.
 */
@FunctionalInterface
public interface LaunchListener {
    LaunchListener NONE = e -> { };

    void on(Event e);

    /** What happened. */
    enum Kind { STARTED, SHARD_FAILED, SHARD_RETRIED, FINISHED, INTERRUPTED }

    /**
     * @param kind     what happened
     * @param run      the run's state (run.json) at that moment
     * @param shard    the shard, for shard events
     * @param attempt  the shard's attempt that ended, for shard events
     * @param detail   how it ended: the shard's exit, the run's outcome, or the stopping signal
     * @param code     for FINISHED and INTERRUPTED, the launch's exit code (merge included)
     */
    record Event(Kind kind, RunState run, Integer shard, Integer attempt, String detail, Integer code) {
    }
}
