package dev.augctl.generate;

import dev.augctl.generate.augment.Augmenter;
import dev.augctl.generate.augment.MethodSpec;
import dev.augctl.generate.augment.Span;
import dev.augctl.generate.augment.TextSimilarity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Makes the variants of a range of rows for one combo, with the quality filter and the cache.
 *
 * <p>Per row, variants {@code 0..K-1} are tried in turn; each gets up to {@link #MAX_ATTEMPTS}
 * attempts. A candidate is kept when its similarity to the original is in [min, max], it differs from
 * the original and from the row's variants kept so far (a candidate with a broken surrogate pair counts
 * as equal to the original); a variant with no kept attempt is dropped and
 * counted as rejected. The work runs in rounds: each round needs one candidate per unfinished row, so
 * the candidates' cache keys are looked up in one batch per round.
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
    private final AugmentCache cache;

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
        this.cache = cache;
    }

    /** One kept variant of an input row. */
    public record Variant(int row, int variant, String text, double similarity) {
    }

    /** The kept variants of a range (row order, then variant order), its counts and its new cache entries. */
    public record Chunk(List<Variant> kept, int rejected, int attempts, int hits, Map<String, String> newEntries) {
    }

    /** The method signature in cache keys: each method's type and canonical (sorted) params, in order. */
    static String signature(List<MethodSpec> methods) {
        return methods.stream()
                .map(m -> m.type() + new TreeMap<>(m.params()).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining(",", "{", "}")))
                .collect(Collectors.joining("+"));
    }

    /** Generates the variants of rows {@code [from, to)}. */
    public Chunk generate(int from, int to) {
        int n = to - from;
        int[] variant = new int[n];
        int[] attempt = new int[n];
        List<List<Variant>> kept = new ArrayList<>(n);
        Span[] spans = new Span[n];
        for (int i = 0; i < n; i++) {
            kept.add(new ArrayList<>(variants));
            spans[i] = protectEvidence ? Span.of(input.text(from + i), input.row(from + i)[input.evidenceIndex()]) : Span.NONE;
        }
        int rejected = 0;
        int attempts = 0;
        int hits = 0;
        Map<String, String> newEntries = new LinkedHashMap<>();
        List<Integer> pending = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pending.add(i);
        }
        while (!pending.isEmpty()) {
            Map<String, Integer> keyOf = new LinkedHashMap<>();
            String[] materials = new String[n];
            String[] keys = new String[n];
            for (int i : pending) {
                materials[i] = Seeds.material(seed, combo.name(), input.id(from + i), variant[i], attempt[i]);
                keys[i] = Seeds.sha256Hex(signature + '\n' + materials[i] + '\n' + input.text(from + i));
                keyOf.put(keys[i], i);
            }
            Map<String, String> cached = cache.getAll(keyOf.keySet());
            List<Integer> next = new ArrayList<>(pending.size());
            for (int i : pending) {
                String original = input.text(from + i);
                String candidate = cached.get(keys[i]);
                attempts++;
                if (candidate != null) {
                    hits++;
                } else {
                    candidate = augment(original, spans[i], Seeds.seedOf(materials[i]));
                    newEntries.put(keys[i], candidate);
                }
                double sim = TextSimilarity.cosine3gram(original, candidate);
                if (accept(original, candidate, sim, kept.get(i))) {
                    kept.get(i).add(new Variant(from + i, variant[i], candidate, sim));
                    variant[i]++;
                    attempt[i] = 0;
                } else if (++attempt[i] == MAX_ATTEMPTS) {
                    rejected++;
                    variant[i]++;
                    attempt[i] = 0;
                }
                if (variant[i] < variants) {
                    next.add(i);
                }
            }
            pending = next;
        }
        List<Variant> all = new ArrayList<>(n * variants);
        kept.forEach(all::addAll);
        return new Chunk(all, rejected, attempts, hits, newEntries);
    }

    private String augment(String text, Span protect, long attemptSeed) {
        String result = text;
        for (int step = 0; step < steps.size(); step++) {
            // The protected span is located again in the intermediate text; methods keep it intact.
            Span span = protect.isEmpty() || step == 0 ? protect : Span.of(result, text.substring(protect.start(), protect.end()));
            result = steps.get(step).augment(result, span, Seeds.stream(attemptSeed, step));
        }
        // A broken surrogate pair cannot be encoded in any output format (nor stored in the cache as
        // is): such a candidate counts as "no change", which the quality filter rejects.
        return wellFormed(result) ? result : text;
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
