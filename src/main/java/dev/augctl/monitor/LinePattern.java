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
        this.anchored = info.anchored();
        this.groups = info.groupNames();
        this.matcher = pattern.matcher("");
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

    /** The prefilter literal, or null when every line must go through the regex. */
    String literal() {
        return literal == null ? null : new String(literal, StandardCharsets.UTF_8);
    }

    /**
     * Whether the line matches; on success {@link #matcher()} holds the groups. The raw bytes are
     * checked for the literal first, so most lines never reach the regex.
     */
    boolean matches(byte[] buf, int off, int len, LineText text) {
        if (literal != null && !Bytes.contains(buf, off, len, literal)) {
            return false;
        }
        matcher.reset(text);
        return anchored ? matcher.lookingAt() : matcher.find();
    }

    Matcher matcher() {
        return matcher;
    }
}
