package dev.augctl.config;

import java.util.Locale;

/** The order in which a launch starts its shards when N > J: longest estimated first, or by index. */
public enum StartOrder {
    LPT, INDEX;

    /** The lower-case name used in the config and on the command line. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}
