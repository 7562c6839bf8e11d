package dev.augctl.launch;

import java.util.ArrayList;
import java.util.List;

/** Says how two argv lists differ, by option: "--force: recorded, not today; --seed: 42 recorded, 7 today". */
final class ArgvDiff {
    private ArgvDiff() {
    }

    static String describe(List<String> recorded, List<String> today) {
        List<String> parts = new ArrayList<>();
        List<String> gone = minus(recorded, today);
        List<String> added = minus(today, recorded);
        for (String option : options(recorded)) {
            String was = valueOf(recorded, option);
            boolean inToday = today.contains(option);
            if (!inToday) {
                parts.add(option + ": recorded, not today");
            } else if (was != null && !was.equals(valueOf(today, option))) {
                parts.add(option + ": " + was + " recorded, " + valueOf(today, option) + " today");
            }
        }
        for (String option : options(today)) {
            if (!recorded.contains(option)) {
                parts.add(option + ": today, not recorded");
            }
        }
        if (parts.isEmpty()) {
            parts.add("recorded " + String.join(" ", gone) + ", today " + String.join(" ", added));
        }
        return String.join("; ", parts);
    }

    private static List<String> options(List<String> argv) {
        return argv.stream().filter(t -> t.startsWith("-") && t.length() > 1 && !t.matches("-\\d.*")).distinct().toList();
    }

    /** The token after {@code option}, when it is a value rather than another option. */
    private static String valueOf(List<String> argv, String option) {
        int i = argv.indexOf(option);
        if (i < 0 || i + 1 >= argv.size()) {
            return null;
        }
        String next = argv.get(i + 1);
        return next.startsWith("--") ? null : next;
    }

    private static List<String> minus(List<String> a, List<String> b) {
        List<String> rest = new ArrayList<>(b);
        List<String> out = new ArrayList<>();
        for (String t : a) {
            if (!rest.remove(t)) {
                out.add(t);
            }
        }
        return out;
    }
}
