package dev.augctl.monitor;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads a Java regex's source for what {@link java.util.regex.Pattern} does not expose on Java 17:
 * its named groups, whether it is anchored at the line start, and a literal every match must
 * contain (the cheap prefilter run on a line's bytes before the regex itself).
 */
final class RegexScan {
    /** What a regex source says about itself; {@code literal} is null when none is certain. */
    record Info(List<String> groupNames, List<Integer> groupNumbers, int groupCount, String literal, boolean anchored) {
        /** The number of named group {@code name} (as Matcher.start(int) takes it), or -1. */
        int number(String name) {
            int i = groupNames.indexOf(name);
            return i < 0 ? -1 : groupNumbers.get(i);
        }
    }

    private RegexScan() {
    }

    static Info scan(String re) {
        List<String> names = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        int capturing = 0;
        StringBuilder run = new StringBuilder();
        String best = "";
        boolean alternation = false;
        boolean giveUp = false;
        int depth = 0;
        int n = re.length();
        for (int i = 0; i < n; i++) {
            char c = re.charAt(i);
            if (c == '[') {
                i = skipClass(re, i);
                best = longer(best, run);
                continue;
            }
            if (c == '\\' && i + 1 < n) {
                char e = re.charAt(++i);
                if (e == 'Q') {
                    giveUp = true; // \Q...\E quoting: rare, not worth parsing
                }
                if (depth == 0 && !Character.isLetterOrDigit(e)) {
                    best = literal(re, i, e, run, best);
                } else {
                    best = longer(best, run);
                }
                continue;
            }
            if (c == '(') {
                if (i + 1 < n && re.charAt(i + 1) != '?') {
                    capturing++;
                } else if (i + 2 < n && re.charAt(i + 1) == '?') {
                    char k = re.charAt(i + 2);
                    if (k == '<' && i + 3 < n && re.charAt(i + 3) != '=' && re.charAt(i + 3) != '!') {
                        int close = re.indexOf('>', i + 3);
                        if (close > 0) {
                            names.add(re.substring(i + 3, close));
                            numbers.add(++capturing);
                        }
                    } else if (k != ':' && k != '=' && k != '!' && k != '>' && k != '<') {
                        giveUp = true; // inline flags such as (?i) change what a literal means
                    }
                }
                depth++;
                best = longer(best, run);
                continue;
            }
            if (c == ')') {
                depth = Math.max(0, depth - 1);
                best = longer(best, run);
                continue;
            }
            if (c == '|' && depth == 0) {
                alternation = true;
            }
            if (depth > 0) {
                continue;
            }
            if (".^$|*+?{}".indexOf(c) >= 0) {
                if (c == '{') {
                    int close = re.indexOf('}', i);
                    i = close > 0 ? close : i;
                }
                best = longer(best, run);
                continue;
            }
            best = literal(re, i, c, run, best);
        }
        best = longer(best, run);
        boolean anchored = re.startsWith("^") && !alternation;
        String literal = alternation || giveUp || best.isEmpty() ? null : best;
        return new Info(List.copyOf(names), List.copyOf(numbers), capturing, literal, anchored);
    }

    /**
     * Adds the literal char {@code c} found at index {@code i} to the current run, unless a
     * quantifier makes it optional (then the run ends before it); returns the best run so far.
     */
    private static String literal(String re, int i, char c, StringBuilder run, String best) {
        char next = i + 1 < re.length() ? re.charAt(i + 1) : 0;
        if (next == '*' || next == '?' || next == '{') {
            return longer(best, run);
        }
        run.append(c);
        // "x+" needs one x, but what follows is not adjacent to it: the run ends after x
        return next == '+' ? longer(best, run) : best;
    }

    private static String longer(String best, StringBuilder run) {
        String s = run.toString();
        run.setLength(0);
        return s.length() > best.length() ? s : best;
    }

    private static int skipClass(String re, int open) {
        int i = open + 1;
        if (i < re.length() && re.charAt(i) == '^') {
            i++;
        }
        if (i < re.length() && re.charAt(i) == ']') {
            i++;
        }
        int depth = 1;
        for (; i < re.length(); i++) {
            char c = re.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '[') {
                depth++;
            } else if (c == ']' && --depth == 0) {
                return i;
            }
        }
        return re.length();
    }
}
