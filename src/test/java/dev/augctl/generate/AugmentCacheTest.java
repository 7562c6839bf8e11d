package dev.augctl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AugmentCacheTest {
    @TempDir
    Path dir;

    private final StringWriter logText = new StringWriter();
    private final WorkerLog log = new WorkerLog(new PrintWriter(logText, true));

    @Test
    void storedEntriesAreFoundAfterReopening() {
        Path db = dir.resolve("sub/cache.db");
        try (AugmentCache cache = AugmentCache.open(db, log)) {
            cache.putAll(Map.of("k1", "v1", "k2", "v\u00e9 2"));
        }
        try (AugmentCache cache = AugmentCache.open(db, log)) {
            assertThat(cache.getAll(List.of("k1", "k2", "k3"))).containsExactlyInAnyOrderEntriesOf(
                    Map.of("k1", "v1", "k2", "v\u00e9 2"));
        }
        assertThat(logText.toString()).isEmpty();
    }

    @Test
    void lookupsOfMoreKeysThanOneQueryHolds() {
        try (AugmentCache cache = AugmentCache.open(dir.resolve("c.db"), log)) {
            Map<String, String> many = new java.util.HashMap<>();
            for (int i = 0; i < 1234; i++) {
                many.put("k" + i, "v" + i);
            }
            cache.putAll(many);
            assertThat(cache.getAll(many.keySet())).isEqualTo(many);
        }
    }

    @Test
    void aCorruptFileIsMovedAsideWithOneWarningAndRebuilt() throws Exception {
        Path db = dir.resolve("cache.db");
        byte[] junk = new byte[8192];
        new Random(1).nextBytes(junk);
        Files.write(db, junk);
        try (AugmentCache cache = AugmentCache.open(db, log)) {
            cache.putAll(Map.of("k", "v"));
            assertThat(cache.getAll(List.of("k"))).containsEntry("k", "v");
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
