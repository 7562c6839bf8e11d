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
 * CPU time of one augmentation of a long cell (by default 10 KB, 100 KB and 1 MB of sample sentences
 * joined by spaces) for every enabled method, and of the quality filter's similarity; the last column
 * divides the largest cell's time per KB by the smallest one's (a method linear in the text's length
 * gives about 1; a quadratic one about the ratio of the sizes). CPU time of the measuring thread, so
 * that other work on a shared machine does not count; median of the runs (more runs for small cells).
 * Usage: LongTextBench [methods.yaml] [input.csv] [runs of the largest cell] [sizes, comma-separated]
 */
public final class LongTextBench {
    private static int[] sizes = {10_000, 100_000, 1_000_000};
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    public static void main(String[] args) throws Exception {
        Path methods = Path.of(args.length > 0 ? args[0] : "conf/augment_methods.yaml");
        Path input = Path.of(args.length > 1 ? args[1] : "data/sample/redsm5_sample.csv");
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        if (args.length > 3) {
            sizes = Arrays.stream(args[3].split(",")).mapToInt(Integer::parseInt).toArray();
        }
        List<String> sentences = read(input);
        String[] cells = new String[sizes.length];
        for (int s = 0; s < sizes.length; s++) {
            cells[s] = cell(sentences, sizes[s]);
        }
        List<String> corpus = new ArrayList<>(sentences);
        corpus.addAll(Arrays.asList(cells)); // the worker fits TF-IDF on every input text, long ones included
        AugmentResources resources = new AugmentResources(methods.toAbsolutePath().getParent(), corpus);

        System.out.printf(Locale.ROOT, "input: %s; cells of %s characters; CPU time, median of %d runs of the "
                + "largest cell; 1 thread; load average %s%n%n", input, Arrays.toString(sizes), runs,
                Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        StringBuilder head = new StringBuilder("| method |");
        StringBuilder rule = new StringBuilder("|---|");
        for (int size : sizes) {
            head.append(' ').append(size >= 1_000_000 ? size / 1_000_000 + " MB |"
                    : size >= 1000 ? size / 1000 + " KB |" : size + " chars |");
            rule.append("---:|");
        }
        System.out.println(head + " per-KB ratio, largest / smallest |");
        System.out.println(rule + "---:|");
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
        double[] cpu = new double[sizes.length];
        StringBuilder line = new StringBuilder("| " + name + " |");
        for (int s = 0; s < sizes.length; s++) {
            int n = runs * Math.max(1, sizes[sizes.length - 1] / sizes[s] / 10 * 2 + 1) | 1; // odd, more for small cells
            double[] c = new double[n];
            for (int r = 0; r < n; r++) {
                Supplier<String> job = work.on(cells[s], r);
                long c0 = THREADS.getCurrentThreadCpuTime();
                job.get();
                c[r] = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
            }
            cpu[s] = median(c);
            line.append(' ').append(time(cpu[s])).append(" |");
        }
        int last = sizes.length - 1;
        double ratio = (cpu[last] / sizes[last]) / (cpu[0] / sizes[0]);
        System.out.println(line + String.format(Locale.ROOT, " %.2f |", ratio));
    }

    private static String time(double seconds) {
        if (seconds < 1e-3) {
            return String.format(Locale.ROOT, "%.1f µs", seconds * 1e6);
        }
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
