package dev.augctl.generate.augment;

import java.util.Locale;

/** Carries the capitalisation of an original word over to its replacement. */
final class Casing {
    private Casing() {
    }

    /** ALL-CAPS stays all caps, Capitalised stays capitalised, lower case lowers the first letter. */
    static String match(String original, String replacement) {
        if (replacement.isEmpty() || original.isEmpty()) {
            return replacement;
        }
        if (isAllUpper(original)) {
            return replacement.toUpperCase(Locale.ROOT);
        }
        char o = original.charAt(0);
        char r = replacement.charAt(0);
        if (Character.isUpperCase(o) && !Character.isUpperCase(r)) {
            return Character.toUpperCase(r) + replacement.substring(1);
        }
        if (Character.isLowerCase(o) && Character.isUpperCase(r)
                && (replacement.length() == 1 || !Character.isUpperCase(replacement.charAt(1)))) {
            return Character.toLowerCase(r) + replacement.substring(1);
        }
        return replacement;
    }

    /** At least two letters, all upper case. */
    static boolean isAllUpper(String s) {
        int letters = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isLetter(c)) {
                if (!Character.isUpperCase(c)) {
                    return false;
                }
                letters++;
            }
        }
        return letters >= 2;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
