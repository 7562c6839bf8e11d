package dev.augctl.generate;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/** Inputs, methods files and command lines for the worker's tests (methods: word_swap, char_swap, word_delete). */
public final class GenerateFixture {
    public static final Path SAMPLE = Path.of("data/sample/redsm5_sample.csv");

    /** Three methods, one per simple type, all enabled. */
    public static final String THREE_METHODS = """
            methods:
              - name: word_swap
                type: word_swap
                params: {aug_p: 0.15}
              - name: char_swap
                type: char_swap
                params: {aug_word_p: 0.2}
              - name: word_delete
                type: word_delete
                params: {aug_p: 0.1}
            """;

    private GenerateFixture() {
    }

    public static Path methods(Path dir, String yaml) throws IOException {
        Files.createDirectories(dir);
        return Files.writeString(dir.resolve("methods.yaml"), yaml);
    }

    /** The first {@code rows} rows of the shipped sample (all when larger). */
    public static Path sample(Path dir, int rows) throws IOException {
        return sample(dir, rows, r -> r);
    }

    /** The sample's first rows, each transformed (a list of values in header order). */
    public static Path sample(Path dir, int rows, UnaryOperator<List<String>> edit) throws IOException {
        Files.createDirectories(dir);
        Path out = dir.resolve("input.csv");
        try (Reader in = Files.newBufferedReader(SAMPLE, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in);
             Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180)) {
            csv.printRecord(p.getHeaderNames());
            int n = 0;
            for (CSVRecord r : p) {
                if (n++ == rows) {
                    break;
                }
                csv.printRecord(edit.apply(new ArrayList<>(r.toList())));
            }
        }
        return out;
    }

    /** Sample rows repeated with new ids ({@code <id>_r<k>}) until there are {@code rows} rows. */
    public static Path repeatedSample(Path file, int rows) throws IOException {
        List<List<String>> base = new ArrayList<>();
        List<String> header;
        try (Reader in = Files.newBufferedReader(SAMPLE, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            header = p.getHeaderNames();
            p.forEach(r -> base.add(r.toList()));
        }
        int id = header.indexOf("sentence_id");
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
             CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180)) {
            csv.printRecord(header);
            for (int i = 0; i < rows; i++) {
                List<String> r = new ArrayList<>(base.get(i % base.size()));
                r.set(id, r.get(id) + "_r" + (i / base.size()));
                csv.printRecord(r);
            }
        }
        return file;
    }

    /** A generate command line over {@code dir}: input, methods, output root {@code dir/out}, cache in {@code dir/cache}. */
    public static String[] args(Path input, Path methods, Path dir, String... extra) {
        List<String> a = new ArrayList<>(List.of("generate", "--input", input.toString(), "--methods", methods.toString(),
                "--output-root", dir.resolve("out").toString(), "--cache-db", dir.resolve("cache/augment.db").toString()));
        a.addAll(List.of(extra));
        return a.toArray(String[]::new);
    }
}
