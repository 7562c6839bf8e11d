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

    /**
     * Splits a command line into words at blanks, the inverse of {@link #join} for what it writes:
     * single or double quotes keep blanks inside a word; nothing is expanded (no variables, globs or
     * backslash escapes). An unclosed quote is an {@link IllegalArgumentException}.
     */
    public static List<String> split(String line) {
        List<String> words = new java.util.ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (char c : line.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("unclosed " + quote + " in '" + line + "'");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
