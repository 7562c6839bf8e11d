package dev.augctl.generate.augment;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/** The sample sentences and a way to build one augmenter with given parameters. */
final class Samples {
    static final List<String> TEXTS = read();
    static final AugmentResources RESOURCES = new AugmentResources(Path.of("conf").toAbsolutePath(), TEXTS);

    private Samples() {
    }

    static Augmenter make(String type, Map<String, Object> params) {
        return AugmenterFactory.create(new MethodSpec("m", type, params, true), RESOURCES);
    }

    private static List<String> read() {
        List<String> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(Path.of("data/sample/redsm5_sample.csv"))) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.add(rec.get("sentence_text"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(out);
    }

    static List<String> words(String s) {
        List<String> out = new ArrayList<>();
        Draft d = Draft.of(s, Span.NONE);
        for (int i = 0; i < d.size(); i++) {
            if (d.isWord(i)) {
                out.add(d.text(i));
            }
        }
        return out;
    }
}
