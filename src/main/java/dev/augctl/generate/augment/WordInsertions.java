package dev.augctl.generate.augment;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Words inserted one after another at random places of a {@link Draft}, each round choosing among
 * the words of the text as it stands after the earlier insertions, in {@code O(log n)} per round
 * rather than a rescan of the whole text (EDA's random insertion makes one round per ten words).
 *
 * <p>The draft is left as it is until {@link #apply}; meanwhile each of its pieces {@code g} has a
 * group of the pieces inserted before it (group {@code size} holds those after the last piece).
 * Two Fenwick trees over the groups count the eligible words (those {@link WordOps#eligible} would
 * list) and the insertion slots (words that something may be inserted before), so the r-th of
 * either, in text order, is found by a tree descent and a walk through one group, which stays short
 * because insertions spread over the whole text. The result, and every random draw, are those of
 * inserting into the draft directly.
 */
final class WordInsertions {
    /** A piece inserted before piece {@code group} of the draft. */
    private record Piece(String text, byte kind) {
    }

    /** A position among the pieces: piece {@code group} itself when {@code item} is -1, else an inserted one. */
    private record Place(int group, int item) {
    }

    private final Draft d;
    private final boolean skipStopwords;
    private final List<List<Piece>> groups;
    private final Fenwick eligible;
    private final Fenwick slots;
    /** The last word (null when there is none); insertions "after the last word" go right after it. */
    private Place last;
    private final boolean end;

    WordInsertions(Draft d, boolean skipStopwords) {
        this.d = d;
        this.skipStopwords = skipStopwords;
        int n = d.size();
        groups = new ArrayList<>(n + 1);
        eligible = new Fenwick(n + 1);
        slots = new Fenwick(n + 1);
        int lastWord = -1;
        for (int i = 0; i < n; i++) {
            groups.add(null);
            if (!d.locked(i) && d.kind(i) == Draft.WORD && eligibleText(d.text(i))) {
                eligible.add(i, 1);
            }
            if (d.isWord(i)) {
                lastWord = i;
                if (d.canInsertBefore(i)) {
                    slots.add(i, 1);
                }
            }
        }
        groups.add(null);
        last = lastWord < 0 ? null : new Place(lastWord, -1);
        end = lastWord >= 0 && d.canInsertBefore(lastWord + 1);
    }

    private boolean eligibleText(String w) {
        return !w.isEmpty() && !(skipStopwords && Stopwords.contains(w));
    }

    /** The number of eligible words ({@code WordOps.eligible(d, 1, skipStopwords).length} after the insertions). */
    int eligibleCount() {
        return eligible.total();
    }

    /** The text of the r-th eligible word (0-based, text order). */
    String eligibleWord(int r) {
        Place p = find(eligible, r, true);
        return p.item() < 0 ? d.text(p.group()) : groups.get(p.group()).get(p.item()).text();
    }

    /** Inserts {@code word} before a random word, or after the last one; false if there is no room. */
    boolean insertAtRandomGap(String word, byte kind, RandomGenerator rng) {
        int n = slots.total();
        int options = n + (end ? 1 : 0);
        if (options == 0) {
            return false;
        }
        int s = rng.nextInt(options);
        if (s < n) {
            Place p = find(slots, s, false);
            List<Piece> g = group(p.group());
            int at = p.item() < 0 ? g.size() : p.item();
            g.add(at, new Piece(" ", Draft.SPACE));
            g.add(at, new Piece(word, kind));
            if (last != null && last.group() == p.group() && last.item() >= at) {
                last = new Place(last.group(), last.item() + 2);
            }
            count(p.group(), word, kind);
        } else {
            int gi = last.item() < 0 ? last.group() + 1 : last.group();
            int at = last.item() < 0 ? 0 : last.item() + 1;
            List<Piece> g = group(gi);
            g.add(at, new Piece(word, kind));
            g.add(at, new Piece(" ", Draft.SPACE));
            last = new Place(gi, at + 1);
            count(gi, word, kind);
        }
        return true;
    }

    private void count(int group, String word, byte kind) {
        if (kind == Draft.WORD && eligibleText(word)) {
            eligible.add(group, 1);
        }
        if (kind == Draft.WORD || kind == Draft.NUMBER) {
            slots.add(group, 1);
        }
    }

    private List<Piece> group(int g) {
        List<Piece> l = groups.get(g);
        if (l == null) {
            l = new ArrayList<>(2);
            groups.set(g, l);
        }
        return l;
    }

    /** The r-th counted piece: its group by the tree, then its place in the group (inserted pieces first). */
    private Place find(Fenwick tree, int r, boolean wantEligible) {
        int g = tree.find(r);
        int left = r - tree.prefix(g);
        List<Piece> inserted = groups.get(g);
        if (inserted != null) {
            for (int k = 0; k < inserted.size(); k++) {
                Piece p = inserted.get(k);
                boolean counted = wantEligible ? p.kind() == Draft.WORD && eligibleText(p.text())
                        : p.kind() == Draft.WORD || p.kind() == Draft.NUMBER;
                if (counted && left-- == 0) {
                    return new Place(g, k);
                }
            }
        }
        return new Place(g, -1);
    }

    /** Writes the insertions into the draft, in one pass from the last piece to the first. */
    void apply() {
        for (int g = groups.size() - 1; g >= 0; g--) {
            List<Piece> inserted = groups.get(g);
            if (inserted != null) {
                for (int k = inserted.size() - 1; k >= 0; k--) {
                    d.insert(g, inserted.get(k).text(), inserted.get(k).kind());
                }
            }
        }
    }

    /** Counts per group with prefix sums and "the group holding the r-th unit" in O(log n). */
    private static final class Fenwick {
        private final int[] tree;
        private int total;

        Fenwick(int n) {
            tree = new int[n + 1];
        }

        void add(int i, int delta) {
            total += delta;
            for (int x = i + 1; x < tree.length; x += x & -x) {
                tree[x] += delta;
            }
        }

        int total() {
            return total;
        }

        /** The sum over groups {@code [0, i)}. */
        int prefix(int i) {
            int s = 0;
            for (int x = i; x > 0; x -= x & -x) {
                s += tree[x];
            }
            return s;
        }

        /** The group holding unit {@code r} (0-based): the smallest g with prefix(g + 1) > r. */
        int find(int r) {
            int pos = 0;
            int left = r;
            for (int step = Integer.highestOneBit(tree.length - 1); step > 0; step >>= 1) {
                int next = pos + step;
                if (next < tree.length && tree[next] <= left) {
                    pos = next;
                    left -= tree[next];
                }
            }
            return pos;
        }
    }
}
