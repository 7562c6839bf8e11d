package dev.augctl.merge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Describes how one manifest header differs from the reference header, for error messages. */
final class HeaderDiff {
    private HeaderDiff() {
    }

    /** Null when the headers are identical; otherwise "missing column(s) x; extra column(s) y" or the reordering. */
    static String describe(List<String> reference, List<String> other) {
        if (reference.equals(other)) {
            return null;
        }
        List<String> missing = without(reference, new HashSet<>(other));
        List<String> extra = without(other, new HashSet<>(reference));
        List<String> parts = new ArrayList<>();
        if (!missing.isEmpty()) {
            parts.add("missing column" + plural(missing) + " " + quoted(missing));
        }
        if (!extra.isEmpty()) {
            parts.add("extra column" + plural(extra) + " " + quoted(extra));
        }
        if (parts.isEmpty()) {
            parts.add("columns in another order: " + quoted(other) + " instead of " + quoted(reference));
        }
        return String.join("; ", parts);
    }

    private static List<String> without(List<String> names, Set<String> remove) {
        List<String> out = new ArrayList<>();
        for (String n : names) {
            if (!remove.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private static String plural(List<String> names) {
        return names.size() == 1 ? "" : "s";
    }

    static String quoted(List<String> names) {
        List<String> q = new ArrayList<>(names.size());
        for (String n : names) {
            q.add("'" + n + "'");
        }
        return String.join(", ", q);
    }
}
