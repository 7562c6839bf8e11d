package dev.augctl.monitor;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One compiled pattern of the monitor with its reusable {@link Matcher} and its prefilter: a literal
 * the line's bytes must contain before the regex is worth running. Not thread-safe (one per tailer
 * thread; the monitor reads logs on one thread).
 */
final class LinePattern {
    private final String key;
    private final String regex;
    private final byte[] literal;
    private final int anchor;
    /** Whether the scanned group numbers agree with the compiled pattern. */
    private final boolean numbered;
    private final int[] numbers;
    private final boolean anchored;
    private final List<String> groups;
    private final Pattern pattern;
    private final RegexScan.Info info;
    private final Matcher matcher;

    LinePattern(String key, String regex, Pattern pattern, RegexScan.Info info) {
        this.key = key;
        this.pattern = pattern;
        this.info = info;
        this.regex = regex;
        this.literal = info.literal() == null ? null : info.literal().getBytes(StandardCharsets.UTF_8);
        this.anchor = literal == null ? 0 : Bytes.anchor(literal);
        this.anchored = info.anchored();
        this.groups = info.groupNames();
        this.matcher = pattern.matcher("");
        this.numbered = matcher.groupCount() == info.groupCount();
        this.numbers = new int[Group.values().length];
        for (Group g : Group.values()) {
            numbers[g.ordinal()] = number(g.groupName);
        }
    }

    /** The number of group {@code name}, or -1 when this pattern has no such group. */
    private int number(String name) {
        int number = info.number(name);
        if (number >= 0 && !numbered) {
            // the source scan disagrees with the compiler (an exotic construct): ask the pattern
            return -2;
        }
        return number;
    }

    /** The same pattern with a matcher of its own. */
    LinePattern copy() {
        return new LinePattern(key, regex, pattern, info);
    }

    String key() {
        return key;
    }

    String regex() {
        return regex;
    }

    boolean hasGroup(String name) {
        return groups.contains(name);
    }

    /** Start of group {@code g} in the last match, -1 when absent or unmatched. */
    int start(Group g) {
        int n = numbers[g.ordinal()];
        return n == -2 ? matcher.start(g.groupName) : n < 0 ? -1 : matcher.start(n);
    }

    /** End of group {@code g} in the last match, -1 when absent or unmatched. */
    int end(Group g) {
        int n = numbers[g.ordinal()];
        return n == -2 ? matcher.end(g.groupName) : n < 0 ? -1 : matcher.end(n);
    }

    /** Text of group {@code g} in the last match, or null. */
    String group(Group g) {
        int n = numbers[g.ordinal()];
        return n == -2 ? matcher.group(g.groupName) : n < 0 ? null : matcher.group(n);
    }

    /** The named groups any pattern may have. */
    enum Group {
        TS("ts"), TOTAL("total"), NAME("name"), INDEX("index"), DONE("done"), PERCENT("percent"),
        ROWS("rows"), MESSAGE("message");

        final String groupName;

        Group(String groupName) {
            this.groupName = groupName;
        }
    }

    /** The prefilter literal, or null when every line must go through the regex. */
    String literal() {
        return literal == null ? null : new String(literal, StandardCharsets.UTF_8);
    }

    /**
     * Whether the line matches; on success {@link #matcher()} holds the groups. The raw bytes are
     * checked for the literal first, so most lines never reach the regex.
     */
    boolean matches(byte[] buf, int off, int len, LineText text) {
        return mayMatch(buf, off, len) && matchesText(text);
    }

    /** The prefilter alone: false means the line cannot match. */
    boolean mayMatch(byte[] buf, int off, int len) {
        return literal == null || Bytes.contains(buf, off, len, literal, anchor);
    }

    /** The regex alone, on a line that passed the prefilter. */
    boolean matchesText(LineText text) {
        matcher.reset(text);
        return anchored ? matcher.lookingAt() : matcher.find();
    }

    Matcher matcher() {
        return matcher;
    }
}
