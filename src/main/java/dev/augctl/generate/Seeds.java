package dev.augctl.generate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Deterministic randomness. Every attempt's random stream is a pure function of (seed, combo name,
 * row id, variant, attempt): the fields are joined into a "seed material" string, hashed with SHA-256,
 * and the first 8 bytes (big-endian) seed a {@link SplittableRandom}. Nothing depends on the shard,
 * the thread or the order of execution, so datasets are identical for any N, I and P.
 */
public final class Seeds {
    private static final char SEP = '\u001f';

    private Seeds() {
    }

    /** The seed material of one attempt; also part of the cache key. */
    public static String material(long seed, String combo, String rowId, int variant, int attempt) {
        return new StringBuilder(combo.length() + rowId.length() + 32)
                .append(seed).append(SEP).append(combo).append(SEP).append(rowId)
                .append(SEP).append(variant).append(SEP).append(attempt).toString();
    }

    /** The 64-bit seed of a material: SHA-256 of its UTF-8 bytes, first 8 bytes big-endian. */
    public static long seedOf(String material) {
        return bigEndian(sha256(material), 0);
    }

    /**
     * The random stream of step {@code step} of an attempt: step 0 (the first method) uses the
     * attempt's generator; later steps (the second method of a pair) get a stream derived with
     * {@link SplittableRandom#split()}, so they do not depend on how much the first method consumed.
     */
    public static SplittableRandom stream(long attemptSeed, int step) {
        SplittableRandom r = new SplittableRandom(attemptSeed);
        for (int i = 0; i < step; i++) {
            r = r.split();
        }
        return r;
    }

    /** SHA-256 of the UTF-8 bytes, as lower-case hex. */
    public static String sha256Hex(String s) {
        return HexFormat.of().formatHex(sha256(s));
    }

    static byte[] sha256(String s) {
        return SHA256.get().digest(s.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The cache key material of an attempt hashed to 128 bits: MurmurHash3 (x64) of the UTF-8 bytes.
     * A key needs to be well spread, not unforgeable, and SHA-256 of every attempt's text (several
     * blocks each) took about a tenth of a shard's CPU under the quick compiler; seeds stay SHA-256.
     */
    static long[] keyHash(String s) {
        return MurmurHash3.hash128x64(s.getBytes(StandardCharsets.UTF_8));
    }

    /** The first 16 bytes of SHA-256 of the UTF-8 bytes, as two big-endian longs. */
    static long[] sha256Prefix(String s) {
        byte[] d = sha256(s);
        return new long[] {bigEndian(d, 0), bigEndian(d, 8)};
    }

    private static long bigEndian(byte[] d, int from) {
        long v = 0;
        for (int i = from; i < from + 8; i++) {
            v = (v << 8) | (d[i] & 0xff);
        }
        return v;
    }

    /** One digest per thread: {@code MessageDigest.getInstance} costs a provider lookup per call. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    });
}
