package dev.augctl.bench;

import dev.augctl.generate.augment.AugmentResources;
import dev.augctl.generate.augment.Augmenter;
import dev.augctl.generate.augment.AugmenterFactory;
import dev.augctl.generate.augment.MethodSpec;
import dev.augctl.generate.augment.MethodsFile;
import dev.augctl.generate.augment.Span;
import dev.augctl.generate.augment.TextSimilarity;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * Time of one augmentation of a long cell (10 KB, 100 KB, 1 MB of sample sentences joined by spaces)
 * for every enabled method, and of the quality filter's similarity; the last column divides the
 * 1 MB time per KB by the 10 KB time per KB (a method linear in the text's length gives about 1).
 * Usage: LongTextBench [methods.yaml] [input.csv] [runs per size]
 */
public final class LongTextBench {
    private static final int[] SIZES = {10_000, 100_000, 1_000_000};
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Path methods = Path.of(args.length > 0 ? args[0] : "conf/augment_methods.yaml");
        Path input = Path.of(args.length > 1 ? args[1] : "data/sample/redsm5_sample.csv");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<String> sentences = read(input);
        String[] cells = new String[SIZES.length];
        for (int s = 0; s < SIZES.length; s++) {
            cells[s] = cell(sentences, SIZES[s]);
        }
        List<String> corpus = new ArrayList<>(sentences);
        corpus.addAll(Arrays.asList(cells)); // the worker fits TF-IDF on every input text, long ones included
        AugmentResources resources = new AugmentResources(methods.toAbsolutePath().getParent(), corpus);

        System.out.printf(Locale.ROOT, "input: %s; cells of %s characters; median of %d runs, 1 thread; load average %s%n%n",
                input, Arrays.toString(SIZES), runs, Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        System.out.println("| method | 10 KB | 100 KB | 1 MB | 1 MB CPU | per-KB ratio 1 MB / 10 KB |");
        System.out.println("|---|---:|---:|---:|---:|---:|");
        for (MethodSpec spec : MethodsFile.load(methods)) {
            if (!spec.enabled()) {
                continue;
            }
            Augmenter a = AugmenterFactory.create(spec, resources);
            row(spec.name() + " (" + spec.type() + ")", runs, cells,
                    (text, seed) -> () -> a.augment(text, Span.NONE, new SplittableRandom(seed)));
        }
        row("similarity (quality filter)", runs, cells, (text, seed) -> () -> {
            String other = text.substring(0, text.length() / 2) + "x" + text.substring(text.length() / 2);
            return String.valueOf(new TextSimilarity.Reference(text).similarity(other));
        });
    }

    /** One run's work on a text with a seed. */
    private interface Work {
        Supplier<String> on(String text, long seed);
    }

    private static void row(String name, int runs, String[] cells, Work work) {
        work.on(cells[0], 99).get(); // warm-up: class loading, WordNet caches, JIT
        work.on(cells[0], 98).get();
        double[] wall = new double[SIZES.length];
        double cpu = 0;
        for (int s = 0; s < SIZES.length; s++) {
            double[] w = new double[runs];
            double[] c = new double[runs];
            for (int r = 0; r < runs; r++) {
                Supplier<String> job = work.on(cells[s], r);
                long c0 = THREADS.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                job.get();
                w[r] = (System.nanoTime() - t0) / 1e9;
                c[r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
            }
            wall[s] = median(w);
            cpu = median(c);
        }
        double ratio = (wall[2] / (SIZES[2] / 1000.0)) / (wall[0] / (SIZES[0] / 1000.0));
        System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %.2f |%n", name, time(wall[0]), time(wall[1]),
                time(wall[2]), time(cpu), ratio);
    }

    private static String time(double seconds) {
        return seconds < 1 ? String.format(Locale.ROOT, "%.1f ms", seconds * 1000) : String.format(Locale.ROOT, "%.2f s", seconds);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** Sample sentences joined by spaces, cycling, cut to exactly {@code chars} characters. */
    static String cell(List<String> sentences, int chars) {
        StringBuilder b = new StringBuilder(chars + 1000);
        for (int i = 0; b.length() < chars; i++) {
            b.append(sentences.get(i % sentences.size())).append(' ');
        }
        return b.substring(0, chars);
    }

    private static List<String> read(Path input) throws Exception {
        List<String> out = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(input)) {
            for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
                out.add(rec.get("sentence_text"));
            }
        }
        return out;
    }
}
