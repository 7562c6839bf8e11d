package dev.augctl.common;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** Plain-text tables for terminals and logs: columns padded to their widest cell, two spaces apart. */
public final class TextTable {
    private TextTable() {
    }

    /**
     * The lines of a table (header row included, if any), without trailing spaces.
     *
     * @param rightAligned which columns (by index) are aligned to the right, as numbers are
     */
    public static List<String> lines(List<String[]> rows, IntPredicate rightAligned) {
        int columns = rows.stream().mapToInt(r -> r.length).max().orElse(0);
        int[] width = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        List<String> lines = new ArrayList<>(rows.size());
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String pad = " ".repeat(width[i] - row[i].length());
                line.append(i == 0 ? "" : "  ").append(rightAligned.test(i) ? pad + row[i] : row[i] + pad);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }
}
