package dev.augctl.monitor;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code augctl monitor} was asked to do, resolved from flags over the configuration.
 *
 * @param logDir         where the shard logs and run.json are
 * @param numShards      shards asked for on the command line, or null
 * @param configShards   the configuration's num_shards (used when it matches the logs found)
 * @param configJobs     the configuration's jobs (slots for the overall ETA without run.json), or null
 * @param interval       time between refreshes with --follow
 * @param stallAfter     silence after which a running shard counts as stalled
 */
public record MonitorSettings(Path logDir, Integer numShards, int configShards, Integer configJobs,
        Duration interval, Duration stallAfter) {
}
