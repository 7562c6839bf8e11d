package dev.augctl.merge;

/** Parses manifest counts (rows, rejected): plain non-negative decimal integers, telling negative ones apart. */
final class Counts {
    /** Returned for text that is not a plain decimal integer (or overflows). */
    static final long NOT_A_NUMBER = -1;
    /** Returned for a negative integer such as "-3". */
    static final long NEGATIVE = -2;

    private Counts() {
    }

    /** The value of a non-negative decimal integer ("0", "5400"), else {@link #NOT_A_NUMBER} or {@link #NEGATIVE}. */
    static long parse(String s) {
        int len = s.length();
        if (len == 0 || len > 18) {
            return len > 1 && s.charAt(0) == '-' && digitsOnly(s, 1) ? NEGATIVE : NOT_A_NUMBER;
        }
        long value = 0;
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return i == 0 && c == '-' && len > 1 && digitsOnly(s, 1) ? NEGATIVE : NOT_A_NUMBER;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static boolean digitsOnly(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
