package dev.augctl.generate.augment;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * CheckList's change_number: each chosen number moves by a non-zero amount of at most
 * {@code max_rel_change} of its value plus one unit, never below zero. Integers stay integers,
 * decimals keep their number of decimals, "1,000" keeps its grouping and "05" its width.
 */
final class NumberAugmenter implements Augmenter {
    private final Amount amount;
    private final double rel;

    NumberAugmenter(Params params) {
        this.amount = Amount.of(params, "aug_");
        this.rel = params.dbl("max_rel_change");
    }

    @Override
    public String augment(String text, Span protect, RandomGenerator rng) {
        Draft d = Draft.of(text, protect);
        int[] nums = new int[d.size()];
        int n = 0;
        for (int i = 0; i < d.size(); i++) {
            if (!d.locked(i) && d.kind(i) == Draft.NUMBER && parse(d.text(i)) != null) {
                nums[n++] = i;
            }
        }
        int k = amount.count(n, n);
        if (k == 0) {
            return text;
        }
        for (int i : Picks.choose(Arrays.copyOf(nums, n), k, rng)) {
            d.set(i, perturb(parse(d.text(i)), rng));
        }
        return d.toString();
    }

    /** A number as integer units of its last decimal: "3.5" is 35 units with 1 decimal. */
    record Num(long units, int decimals, boolean grouped, int width) {
    }

    static Num parse(String t) {
        int dot = t.indexOf('.');
        if (dot != t.lastIndexOf('.') || dot == t.length() - 1) {
            return null;
        }
        String intPart = dot < 0 ? t : t.substring(0, dot);
        String frac = dot < 0 ? "" : t.substring(dot + 1);
        boolean grouped = intPart.indexOf(',') >= 0;
        if (grouped) {
            String[] groups = intPart.split(",", -1);
            if (groups[0].isEmpty() || groups[0].length() > 3 || groups[0].charAt(0) == '0') {
                return null;
            }
            for (int g = 1; g < groups.length; g++) {
                if (groups[g].length() != 3) {
                    return null;
                }
            }
            intPart = intPart.replace(",", "");
        }
        if (frac.indexOf(',') >= 0 || intPart.length() + frac.length() > 15) {
            return null;
        }
        int width = intPart.length() > 1 && intPart.charAt(0) == '0' ? intPart.length() : 0;
        return new Num(Long.parseLong(intPart + frac), frac.length(), grouped, width);
    }

    private String perturb(Num num, RandomGenerator rng) {
        long change = (long) Math.floor(num.units() * rel) + 1;
        long lo = -Math.min(change, num.units());
        long r = lo + rng.nextLong(change - lo); // in [lo, change), skipping 0 below
        if (r >= 0) {
            r++;
        }
        return format(num, num.units() + r);
    }

    static String format(Num num, long units) {
        long scale = 1;
        for (int i = 0; i < num.decimals(); i++) {
            scale *= 10;
        }
        String whole = Long.toString(units / scale);
        if (whole.length() < num.width()) {
            whole = "0".repeat(num.width() - whole.length()) + whole; // "05" stays two digits wide
        }
        if (num.grouped()) {
            StringBuilder b = new StringBuilder(whole);
            for (int i = b.length() - 3; i > 0; i -= 3) {
                b.insert(i, ',');
            }
            whole = b.toString();
        }
        if (num.decimals() == 0) {
            return whole;
        }
        String frac = Long.toString(units % scale);
        return whole + '.' + "0".repeat(num.decimals() - frac.length()) + frac;
    }
}
