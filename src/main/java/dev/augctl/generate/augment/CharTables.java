package dev.augctl.generate.augment;

/** Precomputed character tables: QWERTY neighbours and OCR confusions. */
final class CharTables {
    private static final String[] ROWS = {"1234567890", "qwertyuiop", "asdfghjkl", "zxcvbnm"};
    private static final double[] ROW_OFFSET = {0, 0.5, 0.75, 1.25};

    /** Neighbours of each ASCII key (lower case), with and without the digit row. */
    private static final char[][] NEIGHBOURS_WITH_DIGITS = neighbours(true);
    private static final char[][] NEIGHBOURS_LETTERS = neighbours(false);

    /** OCR confusions: what a recogniser reads instead (several per source, multi-char allowed). */
    private static final String[][] OCR = {
        {"0", "o", "O", "D"}, {"1", "l", "I"}, {"2", "z", "Z"}, {"5", "s", "S"}, {"6", "b"}, {"8", "B"},
        {"9", "g", "q"}, {"o", "0"}, {"O", "0", "D"}, {"l", "1", "I"}, {"I", "1", "l"}, {"i", "l", "1"},
        {"s", "5"}, {"S", "5", "8"}, {"b", "6", "h"}, {"B", "8"}, {"g", "9", "q"}, {"q", "9", "g"},
        {"z", "2"}, {"Z", "2"}, {"e", "c"}, {"c", "e"}, {"a", "o"}, {"u", "v"}, {"v", "u"}, {"h", "b", "li"},
        {"n", "ri"}, {"m", "rn"}, {"rn", "m"}, {"cl", "d"}, {"d", "cl"}, {"w", "vv"}, {"vv", "w"},
        {"t", "f"}, {"f", "t"}, {"E", "F"}, {"F", "E"}, {"G", "C"}, {"C", "G"}, {"U", "V"}, {"ri", "n"},
    };

    /** OCR entries by first character (longest source first), for ASCII. */
    private static final String[][][] OCR_BY_CHAR = indexOcr();

    private CharTables() {
    }

    /** The keys next to {@code c} (empty when it is not a key), same case as {@code c}. */
    static char[] neighbours(char c, boolean digits) {
        char lower = Character.toLowerCase(c);
        if (lower >= 128) {
            return new char[0];
        }
        char[] n = (digits ? NEIGHBOURS_WITH_DIGITS : NEIGHBOURS_LETTERS)[lower];
        if (!Character.isUpperCase(c)) {
            return n;
        }
        char[] up = new char[n.length];
        for (int i = 0; i < n.length; i++) {
            up[i] = Character.toUpperCase(n[i]);
        }
        return up;
    }

    /** OCR entries {source, replacement...} whose source could start at {@code c}. */
    static String[][] ocrAt(char c) {
        return c < 128 ? OCR_BY_CHAR[c] : new String[0][];
    }

    private static char[][] neighbours(boolean withDigits) {
        char[][] table = new char[128][];
        for (int i = 0; i < 128; i++) {
            table[i] = new char[0];
        }
        for (int r = 0; r < ROWS.length; r++) {
            for (int c = 0; c < ROWS[r].length(); c++) {
                StringBuilder out = new StringBuilder();
                double x = c + ROW_OFFSET[r];
                for (int r2 = Math.max(0, r - 1); r2 <= Math.min(ROWS.length - 1, r + 1); r2++) {
                    if (r2 == 0 && !withDigits) {
                        continue;
                    }
                    for (int c2 = 0; c2 < ROWS[r2].length(); c2++) {
                        double dx = Math.abs(c2 + ROW_OFFSET[r2] - x);
                        boolean near = r2 == r ? dx == 1 : dx < 1;
                        if (near) {
                            out.append(ROWS[r2].charAt(c2));
                        }
                    }
                }
                table[ROWS[r].charAt(c)] = out.toString().toCharArray();
            }
        }
        return table;
    }

    private static String[][][] indexOcr() {
        String[][][] byChar = new String[128][][];
        for (int c = 0; c < 128; c++) {
            int n = 0;
            for (String[] e : OCR) {
                if (e[0].charAt(0) == c) {
                    n++;
                }
            }
            String[][] list = new String[n][];
            int k = 0;
            for (int len = 2; len >= 1; len--) {
                for (String[] e : OCR) {
                    if (e[0].charAt(0) == c && e[0].length() == len) {
                        list[k++] = e;
                    }
                }
            }
            byChar[c] = list;
        }
        return byChar;
    }
}
