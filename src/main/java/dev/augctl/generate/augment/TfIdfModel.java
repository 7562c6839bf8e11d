package dev.augctl.generate.augment;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * IDF and TF-IDF statistics fitted on a corpus (nlpaug's TfIdf model): idf(w) = ln((N+1)/(df+1)) + 1,
 * and a sampling distribution over the vocabulary proportional to corpus tf(w) * idf(w). The
 * vocabulary is sorted, so fitting and sampling are deterministic.
 */
final class TfIdfModel {
    private final Map<String, Double> idf;
    private final double unknownIdf;
    private final String[] vocabulary;
    private final double[] cumulative;

    private TfIdfModel(Map<String, Double> idf, double unknownIdf, String[] vocabulary, double[] cumulative) {
        this.idf = idf;
        this.unknownIdf = unknownIdf;
        this.vocabulary = vocabulary;
        this.cumulative = cumulative;
    }

    /** Fits on the texts: words are lower-cased; stop words and words under 3 letters are never sampled. */
    static TfIdfModel fit(Iterable<String> corpus) {
        Map<String, int[]> counts = new HashMap<>(); // word -> {document frequency, term frequency}
        int docs = 0;
        long total = 0;
        for (String text : corpus) {
            if (text == null) {
                continue;
            }
            docs++;
            Set<String> seen = new HashSet<>();
            Draft d = Draft.of(text, Span.NONE);
            for (int i = 0; i < d.size(); i++) {
                if (d.kind(i) == Draft.WORD) {
                    String w = Casing.lower(d.text(i)).replace('\u2019', '\'');
                    int[] c = counts.computeIfAbsent(w, k -> new int[2]);
                    c[1]++;
                    total++;
                    if (seen.add(w)) {
                        c[0]++;
                    }
                }
            }
        }
        String[] all = counts.keySet().toArray(new String[0]);
        Arrays.sort(all);
        Map<String, Double> idf = new HashMap<>();
        String[] vocab = new String[all.length];
        double[] cum = new double[all.length];
        int n = 0;
        double sum = 0;
        for (String w : all) {
            int[] c = counts.get(w);
            double v = Math.log((docs + 1.0) / (c[0] + 1.0)) + 1;
            idf.put(w, v);
            if (w.length() >= 3 && letters(w) && !Stopwords.contains(w)) {
                sum += (c[1] / (double) Math.max(1, total)) * v;
                vocab[n] = w;
                cum[n++] = sum;
            }
        }
        return new TfIdfModel(idf, Math.log(docs + 1.0) + 1, Arrays.copyOf(vocab, n), Arrays.copyOf(cum, n));
    }

    private static boolean letters(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (!Character.isLetter(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    double idf(String lowerWord) {
        return idf.getOrDefault(lowerWord, unknownIdf);
    }

    int vocabularySize() {
        return vocabulary.length;
    }

    /** A vocabulary word drawn with probability proportional to its TF-IDF score. */
    String sample(RandomGenerator rng) {
        double u = rng.nextDouble() * cumulative[cumulative.length - 1];
        int at = Arrays.binarySearch(cumulative, u);
        at = at >= 0 ? at : -at - 1;
        return vocabulary[Math.min(at, vocabulary.length - 1)];
    }
}
