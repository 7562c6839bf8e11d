package dev.augctl.generate;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * A {@link SplittableRandom} that remembers whether anything was drawn from it.
 *
 * <p>Why: an augmenter's result is a pure function of (text, protected span, random stream). When it
 * returns without drawing, the code path it took did not depend on the stream, so <em>every</em> seed
 * gives the same candidate: trying other attempts or variants of that row can only repeat it.
 *
 * <p>Only the two primitive draws are overridden. {@code SplittableRandom} itself implements just
 * {@code nextInt()} and {@code nextLong()} (and the streams); every other method, here as there, is
 * {@link RandomGenerator}'s default built on those two, so the values are exactly those of the bare
 * generator, and a draw through any method passes through one of the two below. Streams are built
 * on the same draws, so they count when they produce a value, not when they are created.
 */
final class DrawTrackingRandom implements RandomGenerator {
    private final SplittableRandom r;
    private boolean drew;

    DrawTrackingRandom(SplittableRandom r) {
        this.r = r;
    }

    boolean drew() {
        return drew;
    }

    @Override
    public int nextInt() {
        drew = true;
        return r.nextInt();
    }

    @Override
    public long nextLong() {
        drew = true;
        return r.nextLong();
    }
}
