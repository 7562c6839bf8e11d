package dev.augctl.generate;

import java.nio.file.Path;

/**
 * How a shard picks its combos. Static: combo k belongs to shard k mod N (the contract every worker
 * knows). Dynamic: every shard claims the longest-estimated combo nobody holds, one at a time
 * ({@link ComboClaims}), so shards finish together whatever the combos' durations.
 *
 * @param dynamic whether combos are claimed
 * @param history the duration history the estimates come from, or null (then plan order)
 * @param runId   the run the claims belong to: shards of one run share it
 */
public record Schedule(boolean dynamic, Path history, String runId) {
    /** The run id of a worker started by hand, without {@code AUGCTL_RUN_ID}. */
    public static final String STANDALONE_RUN = "standalone";

    public static Schedule fixed() {
        return new Schedule(false, null, null);
    }
}
