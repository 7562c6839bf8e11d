package dev.augctl.common;

import java.util.Locale;

/** How combos are built from the enabled methods: one method each, or every ordered pair. */
public enum ComboMode {
    SINGLETONS, PAIRS;

    /** The lower-case name used in the config, on the command line and in meta.json. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}
