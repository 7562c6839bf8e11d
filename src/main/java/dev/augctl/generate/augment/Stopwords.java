package dev.augctl.generate.augment;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The shipped English stop-word list ({@code stopwords_en.txt}), loaded once. */
final class Stopwords {
    private static final Set<String> WORDS = load();

    private Stopwords() {
    }

    /** Whether {@code word} (any case, straight or curly apostrophe) is a stop word. */
    static boolean contains(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.indexOf('\u2019') >= 0) {
            w = w.replace('\u2019', '\'');
        }
        return WORDS.contains(w);
    }

    static int size() {
        return WORDS.size();
    }

    private static Set<String> load() {
        Set<String> set = new HashSet<>();
        try (InputStream in = Stopwords.class.getResourceAsStream("stopwords_en.txt")) {
            if (in == null) {
                throw new IllegalStateException("stopwords_en.txt is missing from the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    set.add(w.toLowerCase(Locale.ROOT));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(set);
    }
}
