package dev.augctl.monitor;

/** Reads the numbers that logs print: "1234", "1,234", "45.2", and tqdm's "1.35k" or "3.00M". */
final class Numbers {
    private Numbers() {
    }

    /** The number in {@code s[start, end)}, or NaN when there is none. */
    static double parse(CharSequence s, int start, int end) {
        long whole = 0;
        double frac = 0;
        double scale = 0.1;
        boolean dot = false;
        boolean any = false;
        double mult = 1;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                any = true;
                if (dot) {
                    frac += (c - '0') * scale;
                    scale /= 10;
                } else {
                    whole = whole * 10 + (c - '0');
                }
            } else if (c == '.') {
                dot = true;
            } else if (c == 'k' || c == 'K') {
                mult = 1e3;
            } else if (c == 'M') {
                mult = 1e6;
            } else if (c == 'G') {
                mult = 1e9;
            } else if (c == 'T') {
                mult = 1e12;
            } else if (c != ',' && c != '_' && c != ' ') {
                return Double.NaN;
            }
        }
        return any ? (whole + frac) * mult : Double.NaN;
    }
}
