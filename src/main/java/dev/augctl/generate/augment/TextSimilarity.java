package dev.augctl.generate.augment;

import java.util.Arrays;
import java.util.Locale;

/**
 * Similarity of two texts: the cosine of their character-trigram count vectors, computed on the
 * lowercased texts. Cheap (sort and merge, no boxing), language-agnostic, and sensitive both to
 * character edits (typos touch up to three trigrams) and to word edits (insertions, deletions and
 * swaps change the trigrams at word boundaries).
 */
public final class TextSimilarity {
    private TextSimilarity() {
    }

    /** Cosine in [0, 1]; two texts too short for a trigram score 1 when equal, else 0. */
    public static double cosine3gram(String a, String b) {
        long[] x = trigrams(a.toLowerCase(Locale.ROOT));
        long[] y = trigrams(b.toLowerCase(Locale.ROOT));
        if (x.length == 0 || y.length == 0) {
            return a.equalsIgnoreCase(b) ? 1.0 : 0.0;
        }
        double dot = 0;
        double nx = 0;
        double ny = 0;
        int i = 0;
        int j = 0;
        while (i < x.length || j < y.length) {
            long gx = i < x.length ? x[i] : Long.MAX_VALUE;
            long gy = j < y.length ? y[j] : Long.MAX_VALUE;
            long g = Math.min(gx, gy);
            int cx = 0;
            while (i < x.length && x[i] == g) {
                cx++;
                i++;
            }
            int cy = 0;
            while (j < y.length && y[j] == g) {
                cy++;
                j++;
            }
            dot += (double) cx * cy;
            nx += (double) cx * cx;
            ny += (double) cy * cy;
        }
        return Math.min(1.0, dot / Math.sqrt(nx * ny));
    }

    /** The sorted trigram codes of a text (three UTF-16 units packed into 48 bits). */
    private static long[] trigrams(String s) {
        int n = s.length() - 2;
        if (n <= 0) {
            return new long[0];
        }
        long[] codes = new long[n];
        for (int k = 0; k < n; k++) {
            codes[k] = ((long) s.charAt(k) << 32) | ((long) s.charAt(k + 1) << 16) | s.charAt(k + 2);
        }
        Arrays.sort(codes);
        return codes;
    }
}
