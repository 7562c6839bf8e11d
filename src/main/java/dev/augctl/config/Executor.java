package dev.augctl.config;

import java.util.Locale;

/** Where the shards of a launch run: processes on this machine, or one Slurm job array. */
public enum Executor {
    LOCAL, SLURM;

    /** The lower-case name used in the config, on the command line and in run.json. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}
