package dev.augctl.generate.augment;

import dev.augctl.common.AugctlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A word to replacements table read from a TSV file of {@code word<TAB>replacement} lines. */
final class WordTable {
    private static final String[] NONE = new String[0];
    private final Map<String, String[]> table;

    private WordTable(Map<String, String[]> table) {
        this.table = table;
    }

    /** Replacements for a lower-case word, or an empty array. */
    String[] get(String lowerWord) {
        return table.getOrDefault(lowerWord, NONE);
    }

    int size() {
        return table.size();
    }

    /** Reads the table; '#' starts a comment line; a bad line is an error naming file and line. */
    static WordTable readTsv(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw AugctlException.badInput("cannot read word table " + file + ": " + e.getMessage(), e);
        }
        Map<String, List<String>> build = new LinkedHashMap<>();
        for (int n = 0; n < lines.size(); n++) {
            String line = lines.get(n).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split("\t");
            if (cols.length != 2 || cols[0].isBlank() || cols[1].isBlank()) {
                throw AugctlException.badInput(file + ":" + (n + 1) + ": expected 'word<TAB>replacement', got '"
                        + line + "'");
            }
            String from = Casing.lower(cols[0].strip());
            String to = cols[1].strip();
            List<String> list = build.computeIfAbsent(from, k -> new ArrayList<>());
            if (!list.contains(to) && !to.equalsIgnoreCase(from)) {
                list.add(to);
            }
        }
        Map<String, String[]> table = new HashMap<>();
        build.forEach((k, v) -> table.put(k, v.toArray(NONE)));
        return new WordTable(table);
    }
}
