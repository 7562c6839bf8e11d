package dev.augctl.merge;

import java.util.Arrays;

/**
 * A 64-bit hash of every combo name seen, to tell whether two names may be equal. Equal names have
 * equal hashes, so a merge whose hashes are all distinct has no duplicate; an equal pair is a
 * duplicate or (about once in 10^7 merges of a million combos) a collision, and the caller then
 * checks the names themselves. The reading thread collects a shard's hashes ({@link #add}, {@link
 * #takeBatch}); another thread puts each batch into a set of longs ({@link #insert}) while the next
 * shard is read.
 */
final class ComboHashes {
    private long[] batch = new long[1 << 12];
    private int batchSize;

    /** Open addressing, linear probing, at most half full; 0 marks a free slot. */
    private long[] table = new long[1 << 16];
    private int used;

    /** Adds the name {@code b[from, to)} to the current batch. */
    void add(byte[] b, int from, int to) {
        if (batchSize == batch.length) {
            batch = Arrays.copyOf(batch, batchSize * 2);
        }
        batch[batchSize++] = hash(b, from, to);
    }

    /** The hashes added since the last call, for {@link #insert}; the batch starts again empty. */
    long[] takeBatch() {
        long[] taken = Arrays.copyOf(batch, batchSize);
        batchSize = 0;
        return taken;
    }

    /**
     * Puts the hashes into the set; true when one of them was there already (or comes twice among
     * them): two names may be equal. Hash 0 is stored as 1, which at worst makes two different names
     * look alike (the caller then compares them).
     */
    boolean insert(long[] hashes) {
        boolean repeat = false;
        for (long h : hashes) {
            if (h == 0) {
                h = 1;
            }
            if ((used + 1) * 2 > table.length) {
                grow();
            }
            int mask = table.length - 1;
            for (int s = (int) h & mask; ; s = (s + 1) & mask) {
                long there = table[s];
                if (there == 0) {
                    table[s] = h;
                    used++;
                    break;
                }
                if (there == h) {
                    repeat = true;
                    break;
                }
            }
        }
        return repeat;
    }

    /** How many distinct hashes the set holds. */
    int size() {
        return used;
    }

    private void grow() {
        long[] bigger = new long[table.length * 2];
        int mask = bigger.length - 1;
        for (long h : table) {
            if (h != 0) {
                int s = (int) h & mask;
                while (bigger[s] != 0) {
                    s = (s + 1) & mask;
                }
                bigger[s] = h;
            }
        }
        table = bigger;
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
