package dev.augctl.generate.augment;

import java.util.random.RandomGenerator;

/** One kind of character edit applied to a chosen word. */
interface CharEdit {
    String apply(String word, CharAugmenter budget, RandomGenerator rng);

    /** Positions of letters and digits. */
    static int[] letterPositions(String w) {
        int[] p = new int[w.length()];
        int n = 0;
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetterOrDigit(w.charAt(i))) {
                p[n++] = i;
            }
        }
        return java.util.Arrays.copyOf(p, n);
    }

    /** The characters random insertions and substitutions draw from. */
    static char[] alphabet(boolean upper, boolean digits) {
        StringBuilder b = new StringBuilder("abcdefghijklmnopqrstuvwxyz");
        if (upper) {
            b.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ");
        }
        if (digits) {
            b.append("0123456789");
        }
        return b.toString().toCharArray();
    }

    /** A QWERTY neighbour instead of the intended key. */
    static CharEdit keyboard(boolean digits) {
        return (w, budget, rng) -> {
            int[] pos = new int[w.length()];
            int n = 0;
            for (int i = 0; i < w.length(); i++) {
                if (CharTables.neighbours(w.charAt(i), digits).length > 0) {
                    pos[n++] = i;
                }
            }
            int k = budget.charCount(w.length(), n);
            char[] c = w.toCharArray();
            for (int i : Picks.choose(java.util.Arrays.copyOf(pos, n), k, rng)) {
                char[] options = CharTables.neighbours(c[i], digits);
                c[i] = options[rng.nextInt(options.length)];
            }
            return new String(c);
        };
    }

    /** Optical character recognition confusions (0/o, 1/l, rn/m, cl/d ...). */
    static CharEdit ocr() {
        return (w, budget, rng) -> {
            int[] pos = new int[w.length()];
            int n = 0;
            for (int i = 0; i < w.length(); i++) {
                if (entryAt(w, i) != null) {
                    pos[n++] = i;
                }
            }
            int k = budget.charCount(w.length(), n);
            int[] chosen = Picks.choose(java.util.Arrays.copyOf(pos, n), k, rng);
            StringBuilder b = new StringBuilder(w.length() + 4);
            int at = 0;
            for (int i : chosen) {
                if (i < at) {
                    continue; // overlaps the previous two-character source
                }
                String[] e = entryAt(w, i);
                b.append(w, at, i).append(e[1 + rng.nextInt(e.length - 1)]);
                at = i + e[0].length();
            }
            return b.append(w, at, w.length()).toString();
        };
    }

    private static String[] entryAt(String w, int i) {
        for (String[] e : CharTables.ocrAt(w.charAt(i))) {
            if (w.startsWith(e[0], i)) {
                return e;
            }
        }
        return null;
    }

    /** A random character inserted before a chosen position (or at the end). */
    static CharEdit insert(char[] alphabet) {
        return (w, budget, rng) -> {
            int[] pos = new int[w.length() + 1];
            for (int i = 0; i <= w.length(); i++) {
                pos[i] = i;
            }
            int k = budget.charCount(w.length(), pos.length);
            StringBuilder b = new StringBuilder(w.length() + k);
            int at = 0;
            for (int i : Picks.choose(pos, k, rng)) {
                b.append(w, at, i).append(alphabet[rng.nextInt(alphabet.length)]);
                at = i;
            }
            return b.append(w, at, w.length()).toString();
        };
    }

    /** A chosen letter or digit replaced by a different random character. */
    static CharEdit substitute(char[] alphabet) {
        return (w, budget, rng) -> {
            int[] pos = letterPositions(w);
            int k = budget.charCount(w.length(), pos.length);
            char[] c = w.toCharArray();
            for (int i : Picks.choose(pos, k, rng)) {
                char r;
                do {
                    r = alphabet[rng.nextInt(alphabet.length)];
                } while (Character.toLowerCase(r) == Character.toLowerCase(c[i]));
                c[i] = Character.isUpperCase(c[i]) ? Character.toUpperCase(r) : r;
            }
            return new String(c);
        };
    }

    /** A chosen character swapped with the next one (both letters or digits, and different). */
    static CharEdit swap() {
        return (w, budget, rng) -> {
            int[] pos = new int[w.length()];
            int n = 0;
            for (int i = 0; i + 1 < w.length(); i++) {
                char a = w.charAt(i);
                char b = w.charAt(i + 1);
                if (a != b && Character.isLetterOrDigit(a) && Character.isLetterOrDigit(b)) {
                    pos[n++] = i;
                }
            }
            int k = budget.charCount(w.length(), n);
            char[] c = w.toCharArray();
            for (int i : Picks.choose(java.util.Arrays.copyOf(pos, n), k, rng)) {
                char t = c[i];
                c[i] = c[i + 1];
                c[i + 1] = t;
            }
            return new String(c);
        };
    }

    /** Chosen letters or digits deleted; at least one character is kept. */
    static CharEdit delete() {
        return (w, budget, rng) -> {
            int[] pos = letterPositions(w);
            int k = Math.min(budget.charCount(w.length(), pos.length), w.length() - 1);
            StringBuilder b = new StringBuilder(w.length());
            int at = 0;
            for (int i : Picks.choose(pos, k, rng)) {
                b.append(w, at, i);
                at = i + 1;
            }
            return b.append(w, at, w.length()).toString();
        };
    }
}
