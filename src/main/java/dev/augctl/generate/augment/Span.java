package dev.augctl.generate.augment;

/** A half-open character range {@code [start, end)} of a text that augmentation must leave intact. */
public record Span(int start, int end) {
    /** Nothing protected. */
    public static final Span NONE = new Span(0, 0);

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    public boolean isEmpty() {
        return start == end;
    }

    /** Whether {@code [from, to)} overlaps this span. */
    public boolean overlaps(int from, int to) {
        return !isEmpty() && from < end && to > start;
    }

    /** The span of {@code evidence} inside {@code text}, or NONE when it is blank or absent. */
    public static Span of(String text, String evidence) {
        if (evidence == null || evidence.isBlank()) {
            return NONE;
        }
        int at = text.indexOf(evidence);
        return at < 0 ? NONE : new Span(at, at + evidence.length());
    }
}
