package dev.augctl.monitor;

/** Helpers for text that holds ANSI escape sequences. */
final class Ansi {
    private Ansi() {
    }

    /** Cuts {@code s} to {@code width} visible chars, keeping escapes and resetting colours after a cut. */
    static String cut(String s, int width) {
        int visible = 0;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '\u001b' && i + 1 < n && s.charAt(i + 1) == '[') {
                int j = i + 2;
                while (j < n && (s.charAt(j) < '@' || s.charAt(j) > '~')) {
                    j++;
                }
                i = j + 1;
                continue;
            }
            if (visible == width) {
                return s.substring(0, i) + "\u001b[0m";
            }
            visible++;
            i += Character.isHighSurrogate(c) ? 2 : 1;
        }
        return s;
    }
}
