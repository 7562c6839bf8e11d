package dev.augctl.generate;

import dev.augctl.common.ComboMode;
import dev.augctl.common.SaveFormat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.generate.augment.Augmenter;
import dev.augctl.generate.augment.MethodSpec;
import dev.augctl.generate.augment.Span;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retries, seed-independent candidates and the cache, at the level of one range of rows. */
class VariantGeneratorTest {
    @TempDir
    Path dir;

    private static final Columns COLUMNS = new Columns("text", "text", "c", "l", "id");

    private InputTable input(String... texts) throws Exception {
        StringBuilder csv = new StringBuilder("id,text,c,l\n");
        for (int i = 0; i < texts.length; i++) {
            csv.append("r").append(i).append(",\"").append(texts[i]).append("\",x,0\n");
        }
        return InputTable.read(Files.writeString(dir.resolve("in.csv"), csv), COLUMNS);
    }

    private GenerateSettings settings(int k) {
        return new GenerateSettings(dir.resolve("in.csv"), dir.resolve("m.yaml"), dir.resolve("out"), COLUMNS, k, 42,
                0.0, 1.0, ComboMode.SINGLETONS, 1, SaveFormat.CSV, 0, 1, dir.resolve("c.db"), false,
                GenerateSettings.DEFAULT_MAX_TEXT_CHARS, null);
    }

    private AugmentCache cache() {
        return AugmentCache.open(dir.resolve("c.db"));
    }

    private static Combo combo() {
        return new Combo(0, "combo_1_m", List.of(new MethodSpec("m", "fake", Map.of("p", 1), true)));
    }

    /** Appends " x" when the text contains "go" (drawing nothing), else draws and appends a random letter. */
    private static final class Fake implements Augmenter {
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public String augment(String text, Span protect, RandomGenerator rng) {
            calls.incrementAndGet();
            if (text.contains("go")) {
                return text + " x";
            }
            if (text.contains("stay")) {
                return text;
            }
            return text + " " + (char) ('a' + rng.nextInt(26));
        }
    }

    @Test
    void aCandidateMadeWithoutDrawingIsTriedOnceAndGivesWhatRetryingWould() throws Exception {
        InputTable in = input("we go home", "we stay home", "we walk home");
        Fake fake = new Fake();
        try (AugmentCache cache = cache()) {
            VariantGenerator g = new VariantGenerator(combo(), List.of(fake), in, settings(3), cache);
            VariantGenerator.Chunk c = g.generate(0, 3);
            // Row 0: "we go home x" is kept as variant 0; variants 1 and 2 could only repeat it (duplicates).
            // Row 1: the text itself, rejected, and so would every retry be. Row 2: random, three variants.
            assertThat(c.kept()).filteredOn(v -> v.row() == 0).extracting(VariantGenerator.Variant::text)
                    .containsExactly("we go home x");
            assertThat(c.kept()).filteredOn(v -> v.row() == 1).isEmpty();
            assertThat(c.kept()).filteredOn(v -> v.row() == 2).hasSizeBetween(1, 3);
            int randomRowAttempts = c.attempts() - 2;
            assertThat(randomRowAttempts).isGreaterThanOrEqualTo(3);
            assertThat(c.rejected()).isEqualTo(2 + 3 + (3 - (int) c.kept().stream().filter(v -> v.row() == 2).count()));
            assertThat(fake.calls.get()).isEqualTo(c.attempts());
            assertThat(c.newEntries()).hasSize(c.attempts());
            assertThat(c.newEntries().get(0).fixed()).isTrue();
        }
    }

    @Test
    void afterTheComboIsMarkedCompleteEveryAttemptIsAnsweredByTheCacheWithTheSameResult() throws Exception {
        InputTable in = input("we go home", "we stay home", "we walk home", "they walk far");
        VariantGenerator.Chunk first;
        try (AugmentCache cache = cache()) {
            VariantGenerator g = new VariantGenerator(combo(), List.of(new Fake()), in, settings(2), cache);
            first = g.generate(0, 4);
            cache.putAll(first.newEntries());
            // Not complete yet: a second generator makes no lookups.
            VariantGenerator again = new VariantGenerator(combo(), List.of(new Fake()), in, settings(2), cache);
            assertThat(again.generate(0, 4).hits()).isZero();
            cache.markComplete(g.cacheGroup());
        }
        try (AugmentCache cache = cache()) {
            Fake fake = new Fake();
            VariantGenerator.Chunk warm = new VariantGenerator(combo(), List.of(fake), in, settings(2), cache).generate(0, 4);
            assertThat(fake.calls.get()).isZero();
            assertThat(warm.hits()).isEqualTo(warm.attempts()).isEqualTo(first.attempts());
            assertThat(warm.kept()).isEqualTo(first.kept());
            assertThat(warm.rejected()).isEqualTo(first.rejected());
            assertThat(warm.newEntries()).isEmpty();
        }
    }

    @Test
    void aGroupMarkedCompleteByAnEarlierKeyFunctionIsNotTakenAsComplete() throws Exception {
        InputTable in = input("we go home", "we stay home");
        try (AugmentCache cache = cache()) {
            VariantGenerator g = new VariantGenerator(combo(), List.of(new Fake()), in, settings(2), cache);
            assertThat(g.cacheGroup()).startsWith(VariantGenerator.KEYS);
            cache.putAll(g.generate(0, 2).newEntries());
            // what an earlier version marked: the same group without the key function's name
            cache.markComplete(g.cacheGroup().substring(VariantGenerator.KEYS.length()));
        }
        try (AugmentCache cache = cache()) {
            Fake fake = new Fake();
            VariantGenerator.Chunk c = new VariantGenerator(combo(), List.of(fake), in, settings(2), cache).generate(0, 2);
            assertThat(c.hits()).isZero();
            assertThat(fake.calls.get()).isEqualTo(c.attempts());
        }
    }

    @Test
    void theDrawTrackingGeneratorGivesTheBareGeneratorsValues() {
        DrawTrackingRandom t = new DrawTrackingRandom(new java.util.SplittableRandom(9));
        java.util.SplittableRandom bare = new java.util.SplittableRandom(9);
        assertThat(t.drew()).isFalse();
        List<Object> a = new ArrayList<>();
        List<Object> b = new ArrayList<>();
        a.add(t.nextInt(7));
        b.add(bare.nextInt(7));
        a.add(t.nextDouble());
        b.add(bare.nextDouble());
        a.add(t.nextLong(1000));
        b.add(bare.nextLong(1000));
        a.add(t.nextInt(3, 9));
        b.add(bare.nextInt(3, 9));
        a.add(t.nextBoolean());
        b.add(bare.nextBoolean());
        a.add(t.nextGaussian());
        b.add(bare.nextGaussian());
        a.add(t.ints(3, 0, 5).boxed().toList());
        b.add(bare.ints(3, 0, 5).boxed().toList());
        a.add(t.nextFloat());
        b.add(bare.nextFloat());
        a.add(t.nextExponential());
        b.add(bare.nextExponential());
        a.add(t.nextDouble(2.0, 3.0));
        b.add(bare.nextDouble(2.0, 3.0));
        a.add(t.nextLong(-5, 5));
        b.add(bare.nextLong(-5, 5));
        byte[] tb = new byte[11];
        byte[] bb = new byte[11];
        t.nextBytes(tb);
        bare.nextBytes(bb);
        a.add(java.util.HexFormat.of().formatHex(tb));
        b.add(java.util.HexFormat.of().formatHex(bb));
        a.add(t.nextInt());
        b.add(bare.nextInt());
        assertThat(a).isEqualTo(b);
        assertThat(t.drew()).isTrue();
    }

    @Test
    void everyWayOfDrawingCountsAsADrawAndCreatingAStreamDoesNot() {
        List<java.util.function.Consumer<RandomGenerator>> draws = List.of(
                g -> g.nextInt(), g -> g.nextInt(5), g -> g.nextInt(1, 5), g -> g.nextLong(), g -> g.nextLong(9),
                g -> g.nextDouble(), g -> g.nextDouble(0.5), g -> g.nextFloat(), g -> g.nextBoolean(),
                g -> g.nextGaussian(), g -> g.nextGaussian(1, 2), g -> g.nextExponential(), g -> g.nextBytes(new byte[3]),
                g -> g.ints(0, 9).findFirst(), g -> g.doubles().findFirst(), g -> g.longs(2).sum());
        for (int i = 0; i < draws.size(); i++) {
            DrawTrackingRandom t = new DrawTrackingRandom(new java.util.SplittableRandom(i));
            draws.get(i).accept(t);
            assertThat(t.drew()).as("draw %d", i).isTrue();
        }
        DrawTrackingRandom idle = new DrawTrackingRandom(new java.util.SplittableRandom(1));
        idle.ints(5, 0, 3);
        idle.doubles();
        assertThat(idle.drew()).isFalse();
    }
}
