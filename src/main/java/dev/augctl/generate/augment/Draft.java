package dev.augctl.generate.augment;

import java.util.Arrays;

/**
 * A text cut into pieces (words, numbers, punctuation, whitespace) that cover it exactly, so that
 * joining the pieces gives the text back byte for byte. Pieces overlapping the protected span are
 * locked: no operation may change, move or remove them, nor insert between two of them.
 *
 * <p>The pieces are kept in a gap buffer: an insertion or removal at piece {@code i} first moves the
 * gap there, which costs the distance from the previous edit. Methods edit from the last piece
 * towards the first (removals, AEDA's marks, contractions), so a whole pass of edits costs one sweep
 * of the text, not one array shift per edit. Not thread-safe: each augmentation makes its own.
 */
final class Draft {
    static final byte SPACE = 0;
    static final byte WORD = 1;
    static final byte NUMBER = 2;
    static final byte PUNCT = 3;

    private String[] text;
    private byte[] kind;
    private boolean[] locked;
    private int size;
    /** The gap is the unused slots {@code [gapStart, gapEnd)}; piece {@code i} is at {@code at(i)}. */
    private int gapStart;
    private int gapEnd;

    private Draft(int capacity) {
        text = new String[capacity];
        kind = new byte[capacity];
        locked = new boolean[capacity];
        gapEnd = capacity;
    }

    /** Tokenizes {@code s}; pieces overlapping {@code protect} are locked. */
    static Draft of(String s, Span protect) {
        Draft d = new Draft(Math.max(8, s.length() / 3));
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            int j;
            byte k;
            if (Character.isWhitespace(c)) {
                j = i + 1;
                while (j < n && Character.isWhitespace(s.charAt(j))) {
                    j++;
                }
                k = SPACE;
            } else if (Character.isLetterOrDigit(c)) {
                j = i + 1;
                boolean digits = c >= '0' && c <= '9';
                while (j < n) {
                    char x = s.charAt(j);
                    if (Character.isLetterOrDigit(x) || Character.getType(x) == Character.NON_SPACING_MARK) {
                        digits &= x >= '0' && x <= '9';
                        j++;
                    } else if (j + 1 < n && joins(s.charAt(j - 1), x, s.charAt(j + 1))) {
                        j++;
                    } else {
                        break;
                    }
                }
                k = digits ? NUMBER : WORD;
            } else {
                j = i + Character.charCount(s.codePointAt(i));
                k = PUNCT;
            }
            d.add(s.substring(i, j), k, protect.overlaps(i, j));
            i = j;
        }
        return d;
    }

    /** Inner characters that keep a token whole: can't, o'clock, self-esteem, 3.5, 1,000. */
    private static boolean joins(char prev, char x, char next) {
        if (x == '\'' || x == '\u2019' || x == '-') {
            return Character.isLetter(prev) && Character.isLetter(next);
        }
        if (x == '.' || x == ',') {
            return isAsciiDigit(prev) && isAsciiDigit(next);
        }
        return false;
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private void add(String t, byte k, boolean l) {
        insertRaw(size, t, k, l);
    }

    /** The array slot of piece {@code i}. */
    private int at(int i) {
        return i < gapStart ? i : i + (gapEnd - gapStart);
    }

    /** Moves the gap so that it starts before piece {@code i}. */
    private void moveGap(int i) {
        if (i < gapStart) {
            int n = gapStart - i;
            int to = gapEnd - n;
            System.arraycopy(text, i, text, to, n);
            System.arraycopy(kind, i, kind, to, n);
            System.arraycopy(locked, i, locked, to, n);
            gapStart = i;
            gapEnd = to;
        } else if (i > gapStart) {
            int n = i - gapStart;
            System.arraycopy(text, gapEnd, text, gapStart, n);
            System.arraycopy(kind, gapEnd, kind, gapStart, n);
            System.arraycopy(locked, gapEnd, locked, gapStart, n);
            gapStart = i;
            gapEnd += n;
        }
    }

    private void insertRaw(int i, String t, byte k, boolean l) {
        if (gapStart == gapEnd) {
            grow();
        }
        moveGap(i);
        text[gapStart] = t;
        kind[gapStart] = k;
        locked[gapStart] = l;
        gapStart++;
        size++;
    }

    /** Doubles the capacity; the gap (now empty) becomes the new room. */
    private void grow() {
        int capacity = Math.max(8, text.length * 2);
        int tail = text.length - gapEnd;
        String[] t = Arrays.copyOf(text, capacity);
        byte[] k = Arrays.copyOf(kind, capacity);
        boolean[] l = Arrays.copyOf(locked, capacity);
        System.arraycopy(text, gapEnd, t, capacity - tail, tail);
        System.arraycopy(kind, gapEnd, k, capacity - tail, tail);
        System.arraycopy(locked, gapEnd, l, capacity - tail, tail);
        Arrays.fill(t, gapStart, capacity - tail, null);
        text = t;
        kind = k;
        locked = l;
        gapEnd = capacity - tail;
    }

    int size() {
        return size;
    }

    String text(int i) {
        return text[at(i)];
    }

    byte kind(int i) {
        return kind[at(i)];
    }

    boolean locked(int i) {
        return locked[at(i)];
    }

    /** A word or a number. */
    boolean isWord(int i) {
        byte k = kind(i);
        return k == WORD || k == NUMBER;
    }

    /** An unlocked word or number. */
    boolean isFreeWord(int i) {
        return !locked(i) && isWord(i);
    }

    /** Number of words and numbers, locked or not. */
    int wordCount() {
        int c = 0;
        for (int i = 0; i < size; i++) {
            if (isWord(i)) {
                c++;
            }
        }
        return c;
    }

    /** Indices of the unlocked words and numbers, in order. */
    int[] freeWords() {
        int[] out = new int[size];
        int c = 0;
        for (int i = 0; i < size; i++) {
            if (isFreeWord(i)) {
                out[c++] = i;
            }
        }
        return Arrays.copyOf(out, c);
    }

    void set(int i, String t) {
        check(i);
        text[at(i)] = t;
    }

    /** Exchanges two unlocked pieces. */
    void swap(int i, int j) {
        check(i);
        check(j);
        int a = at(i);
        int b = at(j);
        String t = text[a];
        text[a] = text[b];
        text[b] = t;
        byte k = kind[a];
        kind[a] = kind[b];
        kind[b] = k;
    }

    /** Whether something may be inserted before piece {@code i} (i == size: at the end). */
    boolean canInsertBefore(int i) {
        return i <= 0 || i >= size || !(locked(i - 1) && locked(i));
    }

    /** Inserts a piece before piece {@code i}. */
    void insert(int i, String t, byte k) {
        if (!canInsertBefore(i)) {
            throw new IllegalStateException("insertion inside the protected span");
        }
        insertRaw(i, t, k, false);
    }

    /** Removes the pieces {@code [from, to)}, all unlocked. */
    void remove(int from, int to) {
        for (int i = from; i < to; i++) {
            check(i);
        }
        moveGap(to);
        Arrays.fill(text, from, to, null);
        gapStart = from;
        size -= to - from;
    }

    /**
     * Removes pieces {@code [from, to)} and one unlocked whitespace piece next to them (the one
     * before, or after when there is none before), so that no double space is left behind.
     */
    void removeWithSpace(int from, int to) {
        if (from > 0 && kind(from - 1) == SPACE && !locked(from - 1)) {
            remove(from - 1, to);
        } else if (to < size && kind(to) == SPACE && !locked(to)) {
            remove(from, to + 1);
        } else {
            remove(from, to);
        }
    }

    /** Inserts {@code word} and a space before word piece {@code i}. */
    void insertWordBefore(int i, String word, byte k) {
        insert(i, " ", SPACE);
        insert(i, word, k);
    }

    /** Inserts a space and {@code word} after piece {@code i}. */
    void insertWordAfter(int i, String word, byte k) {
        insert(i + 1, word, k);
        insert(i + 1, " ", SPACE);
    }

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        if (locked(i)) {
            throw new IllegalStateException("piece " + i + " is protected");
        }
    }

    @Override
    public String toString() {
        int len = 0;
        for (int i = 0; i < size; i++) {
            len += text(i).length();
        }
        StringBuilder b = new StringBuilder(len);
        for (int i = 0; i < size; i++) {
            b.append(text(i));
        }
        return b.toString();
    }
}
