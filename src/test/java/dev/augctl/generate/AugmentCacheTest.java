package dev.augctl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.common.Logging;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AugmentCacheTest {
    @TempDir
    Path dir;

    private final StringWriter logText = new StringWriter();

    @BeforeEach
    void captureTheWorkerLog() {
        Logging.setWorkerOutput(new PrintWriter(logText, true));
    }

    @AfterEach
    void restoreTheWorkerLog() {
        Logging.setWorkerOutput(new PrintWriter(System.out, true));
    }

    private static AugmentCache.Entry entry(long key, long check, String value, boolean fixed) {
        return new AugmentCache.Entry(key, check, value, fixed);
    }

    @Test
    void storedEntriesAreFoundAfterReopeningAndAWrongCheckIsAMiss() {
        Path db = dir.resolve("sub/cache.db");
        try (AugmentCache cache = AugmentCache.open(db)) {
            cache.putAll(List.of(entry(1, 11, "v1", false), entry(-2, 22, "v\u00e9 2", true)));
        }
        try (AugmentCache cache = AugmentCache.open(db)) {
            AugmentCache.Entry[] found = cache.lookup(new long[] {-2, 1, 3, 1}, new long[] {22, 11, 33, 12}, 4);
            assertThat(found[0]).isEqualTo(entry(-2, 22, "v\u00e9 2", true));
            assertThat(found[1]).isEqualTo(entry(1, 11, "v1", false));
            assertThat(found[2]).as("absent").isNull();
            assertThat(found[3]).as("same key, other check").isNull();
        }
        assertThat(logText.toString()).isEmpty();
    }

    @Test
    void lookupsOfMoreKeysThanOneQueryHolds() {
        try (AugmentCache cache = AugmentCache.open(dir.resolve("c.db"))) {
            List<AugmentCache.Entry> many = new ArrayList<>();
            long[] keys = new long[1234];
            long[] checks = new long[1234];
            Random r = new Random(3);
            for (int i = 0; i < keys.length; i++) {
                keys[i] = r.nextLong();
                checks[i] = r.nextLong();
                many.add(entry(keys[i], checks[i], "v" + i, i % 2 == 0));
            }
            cache.putAll(many);
            assertThat(cache.lookup(keys, checks, keys.length)).containsExactlyElementsOf(many);
            assertThat(cache.lookup(keys, checks, 10)).containsExactlyElementsOf(many.subList(0, 10));
        }
    }

    @Test
    void completeGroupsAreRememberedAndEntriesSurviveAnUnfinishedCombo() {
        Path db = dir.resolve("c.db");
        try (AugmentCache cache = AugmentCache.open(db)) {
            assertThat(cache.isComplete("g1")).isFalse();
            cache.putAll(List.of(entry(5, 6, "x", false)));
            cache.markComplete("g1");
            cache.putAll(List.of(entry(7, 8, "y", false)));
        }
        try (AugmentCache cache = AugmentCache.open(db)) {
            assertThat(cache.isComplete("g1")).isTrue();
            assertThat(cache.isComplete("g2")).isFalse();
            assertThat(cache.lookup(new long[] {5, 7}, new long[] {6, 8}, 2)).doesNotContainNull();
        }
    }

    @Test
    void theGroupsHashFillsTheTopBitsOfTheKey() {
        long g = 0xABCDE12345678901L;
        long a = AugmentCache.key(g, -1L);
        long b = AugmentCache.key(g, 0);
        assertThat(a >>> (64 - AugmentCache.GROUP_BITS)).isEqualTo(g >>> (64 - AugmentCache.GROUP_BITS));
        assertThat(b >>> (64 - AugmentCache.GROUP_BITS)).isEqualTo(g >>> (64 - AugmentCache.GROUP_BITS));
        assertThat(a - b).isEqualTo((1L << (64 - AugmentCache.GROUP_BITS)) - 1);
    }

    @Test
    void aCacheOfTheFormerSchemaIsMovedAsideWithOneWarning() throws Exception {
        Path db = dir.resolve("old.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE augment_cache (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID");
            s.execute("INSERT INTO augment_cache VALUES ('abc', 'x')");
        }
        try (AugmentCache cache = AugmentCache.open(db)) {
            assertThat(cache.isComplete("g")).isFalse();
        }
        assertThat(logText.toString().lines().toList()).singleElement().asString()
                .contains("WARN  cache " + db + " is unusable").contains("moved it to old.db.corrupt-");
    }

    @Test
    void aCorruptFileIsMovedAsideWithOneWarningAndRebuilt() throws Exception {
        Path db = dir.resolve("cache.db");
        byte[] junk = new byte[8192];
        new Random(1).nextBytes(junk);
        Files.write(db, junk);
        try (AugmentCache cache = AugmentCache.open(db)) {
            cache.putAll(List.of(entry(1, 2, "v", false)));
            assertThat(cache.lookup(new long[] {1}, new long[] {2}, 1)[0].value()).isEqualTo("v");
        }
        List<String> lines = logText.toString().lines().toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0)).matches("\\S+Z WARN  cache .*cache\\.db is unusable \\(.*\\); moved it to "
                + "cache\\.db\\.corrupt-\\d{8}-\\d{6} and started an empty cache");
        try (Stream<Path> files = Files.list(dir)) {
            Path aside = files.filter(f -> f.getFileName().toString().startsWith("cache.db.corrupt-")).findFirst().orElseThrow();
            assertThat(Files.readAllBytes(aside)).isEqualTo(junk);
        }
    }
}
