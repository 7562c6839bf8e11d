package dev.augctl.generate.augment;

import java.util.Arrays;
import java.util.Locale;

/**
 * The quality filter's similarity: cosine of the character 3-gram count vectors of the two
 * lower-cased texts (no padding; a text shorter than 3 characters counts as one gram, itself).
 */
public final class TextSimilarity {
    private TextSimilarity() {
    }

    /** A value in [0, 1]; 1 for equal texts (after lower-casing). */
    public static double cosine3gram(String a, String b) {
        String x = a.toLowerCase(Locale.ROOT);
        String y = b.toLowerCase(Locale.ROOT);
        if (x.equals(y)) {
            return 1.0;
        }
        long[] gx = grams(x);
        long[] gy = grams(y);
        if (gx.length == 0 || gy.length == 0) {
            return 0.0;
        }
        double dot = 0;
        int i = 0;
        int j = 0;
        while (i < gx.length && j < gy.length) {
            if (gx[i] < gy[j]) {
                i = skip(gx, i);
            } else if (gx[i] > gy[j]) {
                j = skip(gy, j);
            } else {
                int ni = skip(gx, i);
                int nj = skip(gy, j);
                dot += (double) (ni - i) * (nj - j);
                i = ni;
                j = nj;
            }
        }
        return Math.min(1.0, dot / Math.sqrt(norm(gx) * norm(gy)));
    }

    /** Sorted 3-gram codes (three UTF-16 units in one long). */
    private static long[] grams(String s) {
        if (s.isEmpty()) {
            return new long[0];
        }
        if (s.length() < 3) {
            long code = 0;
            for (int k = 0; k < s.length(); k++) {
                code = (code << 16) | s.charAt(k);
            }
            return new long[] {code | (1L << 62)}; // marked, so it never equals a full 3-gram
        }
        long[] g = new long[s.length() - 2];
        for (int k = 0; k < g.length; k++) {
            g[k] = ((long) s.charAt(k) << 32) | ((long) s.charAt(k + 1) << 16) | s.charAt(k + 2);
        }
        Arrays.sort(g);
        return g;
    }

    private static int skip(long[] g, int i) {
        int k = i + 1;
        while (k < g.length && g[k] == g[i]) {
            k++;
        }
        return k;
    }

    private static double norm(long[] g) {
        double n = 0;
        for (int i = 0; i < g.length; ) {
            int k = skip(g, i);
            n += (double) (k - i) * (k - i);
            i = k;
        }
        return n;
    }
}
