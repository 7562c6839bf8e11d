package dev.augctl.bench;

import dev.augctl.generate.augment.AugmentResources;
import dev.augctl.generate.augment.Augmenter;
import dev.augctl.generate.augment.AugmenterFactory;
import dev.augctl.generate.augment.MethodSpec;
import dev.augctl.generate.augment.MethodsFile;
import dev.augctl.generate.augment.Span;
import dev.augctl.generate.augment.TextSimilarity;
import dev.augctl.generate.augment.WordNet;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Throughput of every enabled method on one thread (augmentations per second over the sentences of
 * an input CSV), the share of variants inside the quality window, and WordNet's load time.
 * Usage: AugmentBench [methods.yaml] [input.csv] [seconds per method] [text column]
 */
public final class AugmentBench {
    public static void main(String[] args) throws Exception {
        Path methods = Path.of(args.length > 0 ? args[0] : "conf/augment_methods.yaml");
        Path input = Path.of(args.length > 1 ? args[1] : "data/sample/redsm5_sample.csv");
        double seconds = args.length > 2 ? Double.parseDouble(args[2]) : 2.0;
        String column = args.length > 3 ? args[3] : "sentence_text";
        List<String> texts = read(input, column);

        long t0 = System.nanoTime();
        WordNet wn = WordNet.shared();
        System.out.printf(Locale.ROOT, "WordNet load: %d ms (dictionary), %d ms (with class loading)%n",
                wn.loadMillis(), (System.nanoTime() - t0) / 1_000_000);
        System.out.printf(Locale.ROOT, "input: %s, %d sentences, %.1f s per method, 1 thread%n%n",
                input, texts.size(), seconds);

        AugmentResources resources = new AugmentResources(methods.toAbsolutePath().getParent(), texts);
        System.out.println("| method | type | augmentations/s | in [0.55, 0.95] | unchanged | mean similarity |");
        System.out.println("|---|---|---:|---:|---:|---:|");
        for (MethodSpec spec : MethodsFile.load(methods)) {
            if (!spec.enabled()) {
                continue;
            }
            Augmenter a = AugmenterFactory.create(spec, resources);
            for (int i = 0; i < texts.size(); i++) { // warm-up: WordNet caches, TF-IDF fit
                a.augment(texts.get(i), Span.NONE, new SplittableRandom(i));
            }
            run(a, texts, 0.5); // warm-up: JIT
            double rate = run(a, texts, seconds);
            int in = 0;
            int same = 0;
            double sum = 0;
            int n = 0;
            for (int seed = 0; seed < 4; seed++) {
                for (int i = 0; i < texts.size(); i++) {
                    String t = texts.get(i);
                    String v = a.augment(t, Span.NONE, new SplittableRandom(seed * 1_000_003L + i));
                    double s = TextSimilarity.cosine3gram(t, v);
                    in += s >= 0.55 && s <= 0.95 && !v.equals(t) ? 1 : 0;
                    same += v.equals(t) ? 1 : 0;
                    sum += s;
                    n++;
                }
            }
            System.out.printf(Locale.ROOT, "| %s | %s | %,.0f | %.0f%% | %.0f%% | %.3f |%n", spec.name(), spec.type(),
                    rate, 100.0 * in / n, 100.0 * same / n, sum / n);
        }
    }

    /** Augmentations per second over {@code seconds}, cycling through the texts. */
    private static double run(Augmenter a, List<String> texts, double seconds) {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long count = 0;
        long start = System.nanoTime();
        int sink = 0;
        while (System.nanoTime() < end) {
            for (int k = 0; k < 64; k++) {
                String t = texts.get((int) (count % texts.size()));
                sink += a.augment(t, Span.NONE, new SplittableRandom(count)).length();
                count++;
            }
        }
        double rate = count / ((System.nanoTime() - start) / 1e9);
        return sink == -1 ? 0 : rate;
    }

    private static List<String> read(Path csv, String column) throws Exception {
        List<String> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(csv)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.add(rec.get(column));
            }
        }
        return out;
    }
}
