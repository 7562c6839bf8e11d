package dev.augctl.generate.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The dataset as RFC 4180 CSV (UTF-8, no BOM, {@code \n} line ends, quotes only where needed). */
final class CsvDatasetWriter implements DatasetWriter {
    private final Layout layout;
    private final CSVPrinter printer;
    private final Object[] record;

    CsvDatasetWriter(Path file, Layout layout) throws IOException {
        this.layout = layout;
        BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        this.printer = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator('\n').get());
        this.record = new Object[layout.inputColumns().size() + EXTRA_COLUMNS.size()];
        printer.printRecord(layout.outputColumns());
    }

    @Override
    public void write(String[] inputRow, String text, int variant, double similarity) throws IOException {
        int n = inputRow.length;
        System.arraycopy(inputRow, 0, record, 0, n);
        record[layout.textIndex()] = text;
        record[n] = inputRow[layout.idIndex()];
        record[n + 1] = layout.combo();
        record[n + 2] = variant;
        record[n + 3] = similarity;
        printer.printRecord(record);
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
    }
}
