package dev.augctl.merge;

import java.util.Arrays;

/**
 * The combo names seen so far, each with where it was first seen, for finding duplicates. Keys live
 * in one growing char array and the table is made of primitive arrays: a million combos cost a few
 * large arrays instead of millions of small objects for the garbage collector to copy.
 */
final class ComboIndex {
    /** Returned by {@link #putIfAbsent} for a new key. */
    static final long ABSENT = -1;

    private char[] chars = new char[1 << 16];
    private int used;
    private int[] start = new int[1 << 10];
    private int[] length = new int[1 << 10];
    private int[] hash = new int[1 << 10];
    private long[] where = new long[1 << 10];
    private int size;
    /** Open addressing, linear probing: entry index + 1, or 0 for a free slot; at most half full. */
    private int[] slots = new int[1 << 11];

    /** Adds {@code key} with {@code location} (>= 0); if it was already there, returns its first location instead. */
    long putIfAbsent(String key, long location) {
        int h = mix(key.hashCode());
        int mask = slots.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            int e = slots[s] - 1;
            if (e < 0) {
                slots[s] = add(key, h, location) + 1;
                if (size * 2 > slots.length) {
                    rehash();
                }
                return ABSENT;
            }
            if (hash[e] == h && sameKey(e, key)) {
                return where[e];
            }
        }
    }

    int size() {
        return size;
    }

    private int add(String key, int h, long location) {
        int len = key.length();
        if (used + len > chars.length) {
            chars = Arrays.copyOf(chars, Math.max(chars.length * 2, used + len));
        }
        key.getChars(0, len, chars, used);
        if (size == start.length) {
            int n = size * 2;
            start = Arrays.copyOf(start, n);
            length = Arrays.copyOf(length, n);
            hash = Arrays.copyOf(hash, n);
            where = Arrays.copyOf(where, n);
        }
        start[size] = used;
        length[size] = len;
        hash[size] = h;
        where[size] = location;
        used += len;
        return size++;
    }

    private boolean sameKey(int e, String key) {
        int len = length[e];
        if (len != key.length()) {
            return false;
        }
        int from = start[e];
        for (int i = 0; i < len; i++) {
            if (chars[from + i] != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private void rehash() {
        int[] table = new int[slots.length * 2];
        int mask = table.length - 1;
        for (int e = 0; e < size; e++) {
            int s = hash[e] & mask;
            while (table[s] != 0) {
                s = (s + 1) & mask;
            }
            table[s] = e + 1;
        }
        slots = table;
    }

    /** Spreads String.hashCode's bits, whose low bits alone cluster for names like combo_1 .. combo_9. */
    private static int mix(int h) {
        h *= 0x9E3779B9;
        return h ^ (h >>> 16);
    }
}
