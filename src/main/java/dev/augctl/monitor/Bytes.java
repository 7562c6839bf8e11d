package dev.augctl.monitor;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Byte-array searches done eight bytes at a time: the hot loops of reading a log. */
final class Bytes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long LFS = ONES * '\n';
    private static final long CRS = ONES * '\r';

    private Bytes() {
    }

    /** The index of the first {@code \n} or {@code \r} in {@code buf[from, to)}, or -1. */
    static int indexOfEol(byte[] buf, int from, int to) {
        int i = from;
        for (; i + 8 <= to; i += 8) {
            long w = (long) LONGS.get(buf, i);
            long hit = zeroBytes(w ^ LFS) | zeroBytes(w ^ CRS);
            if (hit != 0) {
                return i + (Long.numberOfTrailingZeros(hit) >>> 3);
            }
        }
        for (; i < to; i++) {
            byte b = buf[i];
            if (b == '\n' || b == '\r') {
                return i;
            }
        }
        return -1;
    }

    /** Whether every byte of {@code buf[off, off + len)} is ASCII. */
    static boolean isAscii(byte[] buf, int off, int len) {
        int i = off;
        int to = off + len;
        for (; i + 8 <= to; i += 8) {
            if (((long) LONGS.get(buf, i) & HIGHS) != 0) {
                return false;
            }
        }
        for (; i < to; i++) {
            if (buf[i] < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Bytes of log text from the most to the least frequent (ISO timestamps, level names, English
     * letters); a byte not listed is rarer than all of them.
     */
    private static final String FREQUENT = " 0123456789:-.TZINFOetaoinsrhldcumfpgwybv,/_()=DEBUGWARLkxjqz";

    /**
     * The index in {@code needle} of the byte to scan for: its rarest byte in log text, so that
     * candidate positions (where the whole needle is compared) are rare.
     */
    static int anchor(byte[] needle) {
        int best = 0;
        int bestRank = -1;
        for (int i = 0; i < needle.length; i++) {
            int r = FREQUENT.indexOf(needle[i]);
            int rank = r < 0 ? Integer.MAX_VALUE : r;
            if (rank > bestRank) {
                best = i;
                bestRank = rank;
            }
        }
        return best;
    }

    /** Whether {@code needle} occurs in {@code buf[off, off + len)}. */
    static boolean contains(byte[] buf, int off, int len, byte[] needle) {
        return contains(buf, off, len, needle, anchor(needle));
    }

    /**
     * Whether {@code needle} occurs in {@code buf[off, off + len)}, scanning eight bytes at a time
     * for its byte at index {@code anchor} and comparing the rest only there.
     */
    static boolean contains(byte[] buf, int off, int len, byte[] needle, int anchor) {
        int n = needle.length;
        if (n == 0) {
            return true;
        }
        if (n > len) {
            return false;
        }
        byte key = needle[anchor];
        long keys = ONES * (key & 0xff);
        // the anchor byte of a match lies in [from, to)
        int from = off + anchor;
        int to = off + len - (n - anchor) + 1;
        int i = from;
        while (i < to) {
            if (i + 8 <= to) {
                long hit = zeroBytes((long) LONGS.get(buf, i) ^ keys);
                if (hit == 0) {
                    i += 8;
                    continue;
                }
                i += Long.numberOfTrailingZeros(hit) >>> 3;
            } else if (buf[i] != key) {
                i++;
                continue;
            }
            int start = i - anchor;
            int j = 0;
            while (j < n && buf[start + j] == needle[j]) {
                j++;
            }
            if (j == n) {
                return true;
            }
            i++;
        }
        return false;
    }

    /**
     * Marks (high bit) the zero bytes of {@code v}. The lowest marked byte is always exact, which is
     * all the callers use (a borrow can only mark bytes above a true zero).
     */
    private static long zeroBytes(long v) {
        return (v - ONES) & ~v & HIGHS;
    }
}
