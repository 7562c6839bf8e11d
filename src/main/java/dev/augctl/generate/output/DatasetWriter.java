package dev.augctl.generate.output;

import dev.augctl.common.SaveFormat;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes one combo's dataset: the input columns (typed as {@link ColumnType} in Parquet and JSON
 * Lines) with the text column replaced by the variant, then {@code source_id} (typed as the id
 * column), {@code combo}, {@code variant} (int) and {@code similarity} (double).
 */
public interface DatasetWriter extends AutoCloseable {
    /** The columns added after the input's. */
    List<String> EXTRA_COLUMNS = List.of("source_id", "combo", "variant", "similarity");

    /** Writes one variant of {@code inputRow}. */
    void write(String[] inputRow, String text, int variant, double similarity) throws IOException;

    @Override
    void close() throws IOException;

    /** Opens a writer of {@code format} on {@code file} (created or truncated). */
    static DatasetWriter open(SaveFormat format, Path file, Layout layout) throws IOException {
        return switch (format) {
            case PARQUET -> new ParquetDatasetWriter(file, layout);
            case CSV -> new CsvDatasetWriter(file, layout);
            case JSONL -> new JsonlDatasetWriter(file, layout);
        };
    }

    /**
     * Where things are in an input row, the input columns' types ({@link ColumnType}; the text column
     * is always a string) and the combo's name.
     */
    record Layout(List<String> inputColumns, List<ColumnType> types, int textIndex, int idIndex, String combo) {
        /** Every output column name, in order. */
        public List<String> outputColumns() {
            List<String> all = new java.util.ArrayList<>(inputColumns);
            all.addAll(EXTRA_COLUMNS);
            return all;
        }
    }
}
