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

    /** Whether {@code needle} occurs in {@code buf[off, off + len)}. */
    static boolean contains(byte[] buf, int off, int len, byte[] needle) {
        int n = needle.length;
        if (n == 0) {
            return true;
        }
        byte first = needle[0];
        int last = off + len - n;
        long firsts = ONES * (first & 0xff);
        int i = off;
        while (i <= last) {
            // skip eight bytes at a time while none of them is the needle's first byte
            if (i + 8 <= off + len) {
                long hit = zeroBytes((long) LONGS.get(buf, i) ^ firsts);
                if (hit == 0) {
                    i += 8;
                    continue;
                }
                i += Long.numberOfTrailingZeros(hit) >>> 3;
                if (i > last) {
                    return false;
                }
            } else if (buf[i] != first) {
                i++;
                continue;
            }
            int j = 1;
            while (j < n && buf[i + j] == needle[j]) {
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
