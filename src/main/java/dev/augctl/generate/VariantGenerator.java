package dev.augctl.generate;

import dev.augctl.generate.augment.Augmenter;
import dev.augctl.generate.augment.MethodSpec;
import dev.augctl.generate.augment.Span;
import dev.augctl.generate.augment.TextSimilarity;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Makes the variants of a range of rows for one combo, with the quality filter and the cache.
 *
 * <p>Per row, variants {@code 0..K-1} are tried in turn; each gets up to {@link #MAX_ATTEMPTS}
 * attempts. A candidate is kept when its similarity to the original is in [min, max], it differs from
 * the original and from the row's variants kept so far (a candidate with a broken surrogate pair counts
 * as equal to the original); a variant with no kept attempt is dropped and counted as rejected. A
 * candidate made without any random draw is the same for every seed, so the row's remaining variants
 * are dropped at once (retrying could only repeat it). The work runs in rounds: each round needs one
 * candidate per unfinished row, so when the combo's cache group is complete the candidates' keys are
 * looked up in one batch per round. A row whose text is longer than the settings' limit
 * ({@code --max-text-chars}) is not augmented: it gets no variant and is counted in {@link Chunk#longTexts}.
 */
public final class VariantGenerator {
    /** Attempts per variant before it is dropped. */
    public static final int MAX_ATTEMPTS = 5;

    private final Combo combo;
    private final List<Augmenter> steps;
    private final String signature;
    private final InputTable input;
    private final boolean protectEvidence;
    private final int variants;
    private final long seed;
    private final double minSim;
    private final double maxSim;
    private final GenerateSettings settings;
    private final AugmentCache cache;
    /** Prefix of the cache group: the hash behind the attempts' keys ({@link Seeds#keyHash}). */
    static final String KEYS = "keys:murmur3-128\n";
    private final String group;
    private final long groupHash;
    /** Lookups are made only when this combo once finished with this cache: otherwise all would miss. */
    private final boolean lookups;

    public VariantGenerator(Combo combo, List<Augmenter> steps, InputTable input, GenerateSettings s, AugmentCache cache) {
        this.combo = combo;
        this.steps = List.copyOf(steps);
        this.signature = signature(combo.methods());
        this.input = input;
        this.protectEvidence = !s.columns().evidence().equals(s.columns().text());
        this.variants = s.variantsPerSample();
        this.seed = s.seed();
        this.minSim = s.minSimilarity();
        this.maxSim = s.maxSimilarity();
        this.settings = s;
        this.cache = cache;
        // KEYS names the attempts' key function: a cache filled with another one is never taken as complete
        this.group = KEYS + signature + '\n' + seed + '\u001f' + combo.name();
        this.groupHash = Seeds.sha256Prefix(group)[0];
        this.lookups = cache.isComplete(group);
    }

    /** One kept variant of an input row. */
    public record Variant(int row, int variant, String text, double similarity) {
    }

    /**
     * The kept variants of a range (row order, then variant order), its counts and the cache entries it
     * computed.
     */
    public record Chunk(List<Variant> kept, int rejected, int attempts, int hits, List<AugmentCache.Entry> newEntries,
            int longTexts) {
    }

    /** The method signature in cache keys: each method's type and canonical (sorted) params, in order. */
    static String signature(List<MethodSpec> methods) {
        return methods.stream()
                .map(m -> m.type() + new TreeMap<>(m.params()).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(",", "{", "}")))
                .collect(Collectors.joining("+"));
    }

    /**
     * The cache group of this combo: every attempt's identity (signature, seed material, text) starts
     * with it, so it names the part of the cache that a finished run of this combo filled.
     */
    String cacheGroup() {
        return group;
    }

    /** A candidate and whether it was made without any random draw (then every seed gives it). */
    private record Candidate(String text, boolean fixed) {
    }

    /** Generates the variants of rows {@code [from, to)}. */
    public Chunk generate(int from, int to) {
        int n = to - from;
        int[] variant = new int[n];
        int[] attempt = new int[n];
        List<List<Variant>> kept = new ArrayList<>(n);
        Span[] spans = new Span[n];
        TextSimilarity.Reference[] refs = new TextSimilarity.Reference[n];
        int[] pending = new int[n];
        int pendingCount = 0;
        int longTexts = 0;
        for (int i = 0; i < n; i++) {
            kept.add(new ArrayList<>(variants));
            if (settings.tooLong(input.text(from + i))) {
                longTexts++; // not augmented: no variant, no attempt
                continue;
            }
            pending[pendingCount++] = i;
            spans[i] = protectEvidence ? Span.of(input.text(from + i), input.row(from + i)[input.evidenceIndex()]) : Span.NONE;
            refs[i] = new TextSimilarity.Reference(input.text(from + i));
        }
        int rejected = 0;
        int attempts = 0;
        int hits = 0;
        List<AugmentCache.Entry> newEntries = new ArrayList<>(n * variants);
        String[] materials = new String[n];
        long[] keys = new long[n];
        long[] checks = new long[n];
        while (pendingCount > 0) {
            for (int p = 0; p < pendingCount; p++) {
                int i = pending[p];
                materials[i] = Seeds.material(seed, combo.name(), input.id(from + i), variant[i], attempt[i]);
                long[] h = Seeds.keyHash(signature + '\n' + materials[i] + '\n' + input.text(from + i));
                keys[p] = AugmentCache.key(groupHash, h[0]);
                checks[p] = h[1];
            }
            AugmentCache.Entry[] cached = lookups ? cache.lookup(keys, checks, pendingCount) : null;
            int next = 0;
            for (int p = 0; p < pendingCount; p++) {
                int i = pending[p];
                String original = input.text(from + i);
                Candidate candidate;
                attempts++;
                if (cached != null && cached[p] != null) {
                    hits++;
                    candidate = new Candidate(cached[p].value(), cached[p].fixed());
                } else {
                    candidate = augment(original, spans[i], Seeds.seedOf(materials[i]));
                    newEntries.add(new AugmentCache.Entry(keys[p], checks[p], candidate.text(), candidate.fixed()));
                }
                double sim = refs[i].similarity(candidate.text());
                if (accept(original, candidate.text(), sim, kept.get(i))) {
                    kept.get(i).add(new Variant(from + i, variant[i], candidate.text(), sim));
                    variant[i]++;
                    attempt[i] = 0;
                } else if (++attempt[i] == MAX_ATTEMPTS) {
                    rejected++;
                    variant[i]++;
                    attempt[i] = 0;
                }
                if (candidate.fixed() && variant[i] < variants) {
                    // Every later attempt, of this variant or the next ones, would make this same candidate:
                    // kept now, it would be a duplicate; rejected now, it would be rejected again.
                    rejected += variants - variant[i];
                    variant[i] = variants;
                }
                if (variant[i] < variants) {
                    pending[next++] = i;
                }
            }
            pendingCount = next;
        }
        List<Variant> all = new ArrayList<>(n * variants);
        kept.forEach(all::addAll);
        return new Chunk(all, rejected, attempts, hits, newEntries, longTexts);
    }

    private Candidate augment(String text, Span protect, long attemptSeed) {
        String result = text;
        boolean drew = false;
        for (int step = 0; step < steps.size(); step++) {
            // The protected span is located again in the intermediate text; methods keep it intact.
            Span span = protect.isEmpty() || step == 0 ? protect : Span.of(result, text.substring(protect.start(), protect.end()));
            DrawTrackingRandom rng = new DrawTrackingRandom(Seeds.stream(attemptSeed, step));
            result = steps.get(step).augment(result, span, rng);
            drew |= rng.drew();
        }
        // A broken surrogate pair cannot be encoded in any output format (nor stored in the cache as
        // is): such a candidate counts as "no change", which the quality filter rejects.
        return new Candidate(wellFormed(result) ? result : text, !drew);
    }

    /** Whether every surrogate of {@code s} is part of a pair. */
    static boolean wellFormed(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 == s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private boolean accept(String original, String candidate, double sim, List<Variant> keptSoFar) {
        if (sim < minSim || sim > maxSim || candidate.equals(original)) {
            return false;
        }
        for (Variant v : keptSoFar) {
            if (v.text().equals(candidate)) {
                return false;
            }
        }
        return true;
    }
}
