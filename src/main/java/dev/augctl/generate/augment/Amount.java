package dev.augctl.generate.augment;

/**
 * How many units a method changes, nlpaug style: a fraction {@code p} of them, clamped to
 * {@code [min, max]}. Read from a method's {@code <prefix>p}, {@code <prefix>min} and
 * {@code <prefix>max} parameters ({@code aug_}, {@code aug_word_} or {@code aug_char_}).
 */
record Amount(double p, int min, int max) {

    static Amount of(Params params, String prefix) {
        return new Amount(params.dbl(prefix + "p"), params.integer(prefix + "min"), params.integer(prefix + "max"));
    }

    /** The number of units to change out of {@code base}, never more than {@code available}. */
    int count(int base, int available) {
        return Picks.count(p, min, max, base, available);
    }
}
