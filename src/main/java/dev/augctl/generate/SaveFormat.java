package dev.augctl.generate;

/** The file format of the per-combo datasets. */
public enum SaveFormat {
    PARQUET, CSV, JSONL;

    /** The lower-case name used on the command line, in file names and in meta.json. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code dataset.parquet}, {@code dataset.csv} or {@code dataset.jsonl}. */
    public String datasetFileName() {
        return "dataset." + id();
    }
}
