package dev.augctl.generate.augment;

import java.util.random.RandomGenerator;

/**
 * One configured augmentation method. Implementations are immutable and thread-safe: the result is
 * a pure function of the text, the protected span and the random generator's stream, which is what
 * makes generation deterministic and cacheable.
 */
public interface Augmenter {
    /**
     * Returns an augmented copy of {@code text} (it may equal {@code text} when nothing applies).
     * The characters of {@code protect} must survive unchanged, in order, in the result.
     */
    String augment(String text, Span protect, RandomGenerator rng);
}
