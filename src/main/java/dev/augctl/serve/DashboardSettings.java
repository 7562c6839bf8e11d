package dev.augctl.serve;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What the dashboard serves.
 *
 * @param bind        where it listens
 * @param logDir      the shard logs, run.json and history.jsonl
 * @param manifest    the merged manifest whose statistics the page shows once it exists
 * @param keyColumn   the manifest's combo column
 * @param rowsColumn  the manifest's row-count column
 * @param interval    time between refreshes (the page's polling interval when it cannot use events)
 */
public record DashboardSettings(BindAddress bind, Path logDir, Path manifest, String keyColumn, String rowsColumn,
                                Duration interval) {
}
