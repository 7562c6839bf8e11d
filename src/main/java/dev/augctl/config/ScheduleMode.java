package dev.augctl.config;

import java.util.Locale;

/** How the built-in worker's shards get their combos: claimed one at a time, or combo k in shard k mod N. */
public enum ScheduleMode {
    DYNAMIC, STATIC;

    /** The lower-case name used in the config and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}
