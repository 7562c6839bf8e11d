package dev.augctl.merge;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A 64-bit hash of every combo name seen, to tell at the end whether two names may be equal. Equal
 * names have equal hashes, so a merge whose hashes are all distinct has no duplicate; an equal pair
 * is a duplicate or (about once in 10^7 merges of a million combos) a collision, and the caller then
 * checks the names themselves. Sorting one array of longs reads memory in order, where a hash table
 * of a million names would cost a cache miss per name.
 */
final class ComboHashes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long P1 = 0x9E3779B185EBCA87L;
    private static final long P2 = 0xC2B2AE3D27D4EB4FL;
    private static final long P3 = 0x165667B19E3779F9L;

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

    /** The first {@code n} values ordered by their upper 32 bits: four stable passes of a byte each. */
    private static long[] sortByHighHalf(long[] values, int n) {
        long[] src = Arrays.copyOf(values, n);
        long[] dst = new long[n];
        int[] start = new int[256];
        for (int shift = 32; shift < 64; shift += 8) {
            Arrays.fill(start, 0);
            for (int i = 0; i < n; i++) {
                start[(int) (src[i] >>> shift) & 0xFF]++;
            }
            for (int b = 0, sum = 0; b < 256; b++) {
                int count = start[b];
                start[b] = sum;
                sum += count;
            }
            for (int i = 0; i < n; i++) {
                long v = src[i];
                dst[start[(int) (v >>> shift) & 0xFF]++] = v;
            }
            long[] swap = src;
            src = dst;
            dst = swap;
        }
        return src;
    }

    /** A 64-bit hash of {@code b[from, to)}: xxHash64's round and final mix, eight bytes at a time. */
    static long hash(byte[] b, int from, int to) {
        long h = P3 + (to - from) * P1;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            h = round(h, (long) LONGS.get(b, i));
        }
        long tail = 0;
        for (int k = to - 1; k >= i; k--) {
            tail = (tail << 8) | (b[k] & 0xFF);
        }
        h = round(h, tail);
        h ^= h >>> 33;
        h *= P2;
        h ^= h >>> 29;
        h *= P3;
        return h ^ (h >>> 32);
    }

    private static long round(long h, long word) {
        return Long.rotateLeft(h + word * P2, 31) * P1;
    }
}
