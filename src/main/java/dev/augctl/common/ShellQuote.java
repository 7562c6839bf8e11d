package dev.augctl.common;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Quotes argv for display so that a POSIX shell reads it back as the same words. */
public final class ShellQuote {
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

    private ShellQuote() {
    }

    /** One word: unchanged when it needs no quoting, else in single quotes ({@code '} as {@code '"'"'}). */
    public static String quote(String word) {
        if (!word.isEmpty() && SAFE.matcher(word).matches()) {
            return word;
        }
        return always(word);
    }

    /** One word, always in single quotes (for generated scripts, where uniform quoting reads best). */
    public static String always(String word) {
        return "'" + word.replace("'", "'\"'\"'") + "'";
    }

    /** A whole argv, ready to paste into a shell. */
    public static String join(List<String> argv) {
        return argv.stream().map(ShellQuote::quote).collect(Collectors.joining(" "));
    }
}
