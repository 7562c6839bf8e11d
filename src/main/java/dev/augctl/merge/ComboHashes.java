package dev.augctl.merge;

import java.util.Arrays;

/**
 * A 64-bit hash of every combo name seen, to tell at the end whether two names may be equal. Equal
 * names have equal hashes, so a merge whose hashes are all distinct has no duplicate; an equal pair
 * is a duplicate or (about once in 10^7 merges of a million combos) a collision, and the caller then
 * checks the names themselves. Sorting one array of longs reads memory in order, where a hash table
 * of a million names would cost a cache miss per name.
 */
final class ComboHashes {
    private long[] hashes = new long[1 << 12];
    private int size;

    /** Adds the name {@code b[from, to)}. */
    void add(byte[] b, int from, int to) {
        if (size == hashes.length) {
            hashes = Arrays.copyOf(hashes, size * 2);
        }
        hashes[size++] = hash(b, from, to);
    }

    int size() {
        return size;
    }

    /** True when two of the names added have the same hash: they may be equal. */
    boolean anyEqual() {
        return anyEqual(hashes, size);
    }

    /** True when two of the first {@code n} values are equal. */
    static boolean anyEqual(long[] values, int n) {
        long[] sorted = sortByHighHalf(values, n);
        int size = n;
        int i = 0;
        while (i < size - 1) {
            int j = i + 1;
            while (j < size && (sorted[j] >>> 32) == (sorted[i] >>> 32)) {
                j++;
            }
            if (j - i > 1) { // a run with the same upper 32 bits (rare): compare whole hashes
                Arrays.sort(sorted, i, j);
                for (int k = i + 1; k < j; k++) {
                    if (sorted[k] == sorted[k - 1]) {
                        return true;
                    }
                }
            }
            i = j;
        }
        return false;
    }

    /**
     * The first {@code n} values ordered by their upper 32 bits: four stable counting-sort passes of a
     * byte each. The passes are small methods, each compiled once and reused for every pass.
     */
    private static long[] sortByHighHalf(long[] values, int n) {
        long[] src = Arrays.copyOf(values, n);
        long[] dst = new long[n];
        int[] start = new int[256];
        for (int shift = 32; shift < 64; shift += 8) {
            count(src, n, shift, start);
            scatter(src, dst, n, shift, start);
            long[] swap = src;
            src = dst;
            dst = swap;
        }
        return src;
    }

    /** Sets {@code start[b]} to where the values whose byte at {@code shift} is {@code b} begin. */
    private static void count(long[] values, int n, int shift, int[] start) {
        Arrays.fill(start, 0);
        for (int i = 0; i < n; i++) {
            start[(int) (values[i] >>> shift) & 0xFF]++;
        }
        for (int b = 0, sum = 0; b < 256; b++) {
            int count = start[b];
            start[b] = sum;
            sum += count;
        }
    }

    private static void scatter(long[] src, long[] dst, int n, int shift, int[] start) {
        for (int i = 0; i < n; i++) {
            long v = src[i];
            dst[start[(int) (v >>> shift) & 0xFF]++] = v;
        }
    }

    /** A 64-bit hash of {@code b[from, to)}: FNV-1a over the bytes, then a final mix of all bits. */
    static long hash(byte[] b, int from, int to) {
        long h = 0xCBF29CE484222325L;
        for (int i = from; i < to; i++) {
            h = (h ^ b[i]) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xFF51AFD7ED558CCDL;
        h ^= h >>> 33;
        h *= 0xC4CEB9FE1A85EC53L;
        return h ^ (h >>> 33);
    }
}
