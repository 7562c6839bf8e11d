package dev.augctl.common;

import java.util.Locale;

/** The file format of the per-combo datasets. */
public enum SaveFormat {
    PARQUET, CSV, JSONL;

    /** The lower-case name used in the config, on the command line, in file names and in meta.json. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }

    /** {@code dataset.parquet}, {@code dataset.csv} or {@code dataset.jsonl}. */
    public String datasetFileName() {
        return "dataset." + id();
    }
}
