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

    /**
     * An original text prepared for many comparisons: its 3-gram counts are computed once in a hash
     * table, and each candidate's grams are counted against them there (no sort of the original's grams). {@link #similarity} returns
     * exactly {@code cosine3gram(original, candidate)}: the same integer dot product and norms, combined
     * by the same floating-point expression.
     */
    public static final class Reference {
        private final String original;
        private final String lower;
        /** Open addressing: slot holds gram + 1 (0 = empty); {@code index[slot]} its position in {@code counts}. */
        private final long[] slots;
        private final int[] index;
        private final int[] counts;
        private final long norm;
        private final int mask;

        public Reference(String original) {
            this.original = original;
            this.lower = original.toLowerCase(Locale.ROOT);
            if (lower.length() < 3) {
                slots = null;
                index = null;
                counts = null;
                norm = 0;
                mask = 0;
                return;
            }
            // count the grams in the table as they come (no sort): at most lower.length() - 2 distinct
            int grams = lower.length() - 2;
            int size = Integer.highestOneBit(Math.max(4, grams * 2 - 1)) << 1;
            slots = new long[size];
            index = new int[size];
            mask = size - 1;
            int[] seen = new int[grams];
            int u = 0;
            char[] c = lower.toCharArray();
            long gram = ((long) c[0] << 16) | c[1];
            for (int k = 2; k < c.length; k++) {
                gram = ((gram << 16) | c[k]) & 0xFFFF_FFFF_FFFFL;
                int slot = slot(gram);
                if (slots[slot] == 0) {
                    slots[slot] = gram + 1;
                    index[slot] = u++;
                }
                seen[index[slot]]++;
            }
            counts = Arrays.copyOf(seen, u);
            long n = 0;
            for (int count : counts) {
                n += (long) count * count;
            }
            norm = n;
        }

        private int slot(long gram) {
            int h = (int) ((gram * 0x9E3779B97F4A7C15L) >>> 32) & mask;
            long stored = gram + 1;
            long s;
            while ((s = slots[h]) != 0 && s != stored) {
                h = (h + 1) & mask;
            }
            return h;
        }

        /** {@code cosine3gram(original, candidate)}, bit for bit. */
        public double similarity(String candidate) {
            String y = candidate.toLowerCase(Locale.ROOT);
            if (lower.equals(y)) {
                return 1.0;
            }
            if (slots == null || y.length() < 3) {
                return cosine3gram(original, candidate);
            }
            char[] c = y.toCharArray();
            int[] mine = new int[counts.length];
            long[] other = new long[c.length - 2];
            int m = 0;
            long gram = ((long) c[0] << 16) | c[1];
            for (int k = 2; k < c.length; k++) {
                gram = ((gram << 16) | c[k]) & 0xFFFF_FFFF_FFFFL;
                int slot = slot(gram);
                if (slots[slot] != 0) {
                    mine[index[slot]]++;
                } else {
                    other[m++] = gram;
                }
            }
            long dot = 0;
            long normY = 0;
            for (int u = 0; u < counts.length; u++) {
                dot += (long) counts[u] * mine[u];
                normY += (long) mine[u] * mine[u];
            }
            if (m > 0) {
                Arrays.sort(other, 0, m);
                for (int i = 0; i < m; ) {
                    int k = i + 1;
                    while (k < m && other[k] == other[i]) {
                        k++;
                    }
                    normY += (long) (k - i) * (k - i);
                    i = k;
                }
            }
            // Integers below 2^53, so these doubles equal the ones cosine3gram sums up.
            return Math.min(1.0, (double) dot / Math.sqrt((double) norm * (double) normY));
        }
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
