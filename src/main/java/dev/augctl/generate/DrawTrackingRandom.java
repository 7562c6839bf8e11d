package dev.augctl.generate;

import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.DoubleStream;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * A {@link SplittableRandom} that remembers whether anything was drawn from it. Every method delegates
 * to the same method of the wrapped generator, so the values are exactly those of the bare generator.
 *
 * <p>Why: an augmenter's result is a pure function of (text, protected span, random stream). When it
 * returns without drawing, the code path it took did not depend on the stream, so <em>every</em> seed
 * gives the same candidate: trying other attempts or variants of that row can only repeat it.
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
    public long nextLong() {
        drew = true;
        return r.nextLong();
    }

    @Override
    public long nextLong(long bound) {
        drew = true;
        return r.nextLong(bound);
    }

    @Override
    public long nextLong(long origin, long bound) {
        drew = true;
        return r.nextLong(origin, bound);
    }

    @Override
    public int nextInt() {
        drew = true;
        return r.nextInt();
    }

    @Override
    public int nextInt(int bound) {
        drew = true;
        return r.nextInt(bound);
    }

    @Override
    public int nextInt(int origin, int bound) {
        drew = true;
        return r.nextInt(origin, bound);
    }

    @Override
    public double nextDouble() {
        drew = true;
        return r.nextDouble();
    }

    @Override
    public double nextDouble(double bound) {
        drew = true;
        return r.nextDouble(bound);
    }

    @Override
    public double nextDouble(double origin, double bound) {
        drew = true;
        return r.nextDouble(origin, bound);
    }

    @Override
    public float nextFloat() {
        drew = true;
        return r.nextFloat();
    }

    @Override
    public float nextFloat(float bound) {
        drew = true;
        return r.nextFloat(bound);
    }

    @Override
    public float nextFloat(float origin, float bound) {
        drew = true;
        return r.nextFloat(origin, bound);
    }

    @Override
    public boolean nextBoolean() {
        drew = true;
        return r.nextBoolean();
    }

    @Override
    public void nextBytes(byte[] bytes) {
        drew = true;
        r.nextBytes(bytes);
    }

    @Override
    public double nextGaussian() {
        drew = true;
        return r.nextGaussian();
    }

    @Override
    public double nextGaussian(double mean, double stddev) {
        drew = true;
        return r.nextGaussian(mean, stddev);
    }

    @Override
    public double nextExponential() {
        drew = true;
        return r.nextExponential();
    }

    // Streams: counted as drawn when created (conservative: a stream might be created and not used).

    @Override
    public IntStream ints() {
        drew = true;
        return r.ints();
    }

    @Override
    public IntStream ints(long size) {
        drew = true;
        return r.ints(size);
    }

    @Override
    public IntStream ints(int origin, int bound) {
        drew = true;
        return r.ints(origin, bound);
    }

    @Override
    public IntStream ints(long size, int origin, int bound) {
        drew = true;
        return r.ints(size, origin, bound);
    }

    @Override
    public LongStream longs() {
        drew = true;
        return r.longs();
    }

    @Override
    public LongStream longs(long size) {
        drew = true;
        return r.longs(size);
    }

    @Override
    public LongStream longs(long origin, long bound) {
        drew = true;
        return r.longs(origin, bound);
    }

    @Override
    public LongStream longs(long size, long origin, long bound) {
        drew = true;
        return r.longs(size, origin, bound);
    }

    @Override
    public DoubleStream doubles() {
        drew = true;
        return r.doubles();
    }

    @Override
    public DoubleStream doubles(long size) {
        drew = true;
        return r.doubles(size);
    }

    @Override
    public DoubleStream doubles(double origin, double bound) {
        drew = true;
        return r.doubles(origin, bound);
    }

    @Override
    public DoubleStream doubles(long size, double origin, double bound) {
        drew = true;
        return r.doubles(size, origin, bound);
    }
}
