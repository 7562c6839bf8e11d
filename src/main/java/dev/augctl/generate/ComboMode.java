package dev.augctl.generate;

/** How combos are built from the enabled methods: one method each, or every ordered pair. */
public enum ComboMode {
    SINGLETONS, PAIRS;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
