package dev.augctl.monitor;

import java.time.Instant;

/**
 * A combo a shard's log shows finished: its name, when it started, its seconds from its start line
 * to its done line (null without timestamps) and the rows it went through (its progress lines'
 * total, null when they do not say).
 */
record ComboRun(String name, Instant started, Double seconds, Long rows) {
}
