package dev.augctl.generate.augment;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** Counting and sampling helpers shared by the methods; every draw comes from the caller's stream. */
final class Picks {
    private Picks() {
    }

    /**
     * How many units to change, as nlpaug does: {@code ceil(p * base)} clamped to
     * {@code [min, max]}, and never more than {@code available}.
     */
    static int count(double p, int min, int max, int base, int available) {
        int c = (int) Math.ceil(p * base - 1e-9);
        c = Math.max(c, min);
        c = Math.min(c, max);
        return Math.max(0, Math.min(c, available));
    }

    /** {@code k} distinct elements of {@code from} chosen uniformly, returned in ascending order. */
    static int[] choose(int[] from, int k, RandomGenerator rng) {
        int[] a = from.clone();
        k = Math.min(k, a.length);
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(a.length - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        int[] out = Arrays.copyOf(a, k);
        Arrays.sort(out);
        return out;
    }

    /** A random permutation of {@code from} (a copy). */
    static int[] shuffle(int[] from, RandomGenerator rng) {
        int[] a = from.clone();
        for (int i = a.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    static <T> T pick(T[] options, RandomGenerator rng) {
        return options[rng.nextInt(options.length)];
    }
}
