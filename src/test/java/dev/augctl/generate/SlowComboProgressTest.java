package dev.augctl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.common.ComboMode;
import dev.augctl.common.Logging;
import dev.augctl.common.SaveFormat;
import dev.augctl.generate.augment.Augmenter;
import dev.augctl.generate.augment.MethodSpec;
import dev.augctl.generate.augment.Span;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** While a slow chunk runs, the worker keeps logging progress, so that the monitor does not see a stalled shard. */
class SlowComboProgressTest {
    @TempDir
    Path dir;

    @AfterEach
    void restore() {
        Logging.setWorkerOutput(new PrintWriter(System.out, true));
    }

    /** Takes 0.5 s per candidate, which the quality filter rejects: 3 rows x 5 attempts = 7.5 s in one chunk. */
    private static final class Slow implements Augmenter {
        @Override
        public String augment(String text, Span protect, RandomGenerator rng) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "nothing like it " + rng.nextInt(1000);
        }
    }

    @Test
    void progressLinesAppearWhileNoRowHasFinished() throws Exception {
        Columns columns = new Columns("text", "text", "c", "l", "id");
        Path csv = Files.writeString(dir.resolve("in.csv"), "id,text,c,l\nr0,we walk home,x,0\nr1,we go out,x,0\nr2,we stay in,x,0\n");
        InputTable input = InputTable.read(csv, columns);
        GenerateSettings s = new GenerateSettings(csv, dir.resolve("m.yaml"), dir.resolve("out"), columns, 1, 42,
                0.55, 0.95, ComboMode.SINGLETONS, 1, SaveFormat.CSV, 0, 1, dir.resolve("c.db"), false,
                GenerateSettings.DEFAULT_MAX_TEXT_CHARS, null);
        Combo combo = new Combo(0, "combo_1_slow", List.of(new MethodSpec("slow", "fake", Map.of(), true)));
        StringWriter log = new StringWriter();
        Logging.setWorkerOutput(new PrintWriter(log, true));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (AugmentCache cache = AugmentCache.open(dir.resolve("c.db"))) {
            new ComboRunner(s, input, "sha", Map.of("slow", new Slow()), cache, pool).run(combo, 1, 1);
        } finally {
            pool.shutdownNow();
        }
        List<String> lines = log.toString().lines().toList();
        List<String> during = lines.stream().filter(l -> l.endsWith(" INFO  combo 1/1 progress: 0/3 rows (0.0%)")).toList();
        assertThat(during).as(String.join("\n", lines)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(lines.indexOf(during.get(0))).isLessThan(lines.indexOf(lines.stream()
                .filter(l -> l.contains("progress: 3/3 rows")).findFirst().orElseThrow()));
        assertThat(lines.get(lines.size() - 1)).contains(" INFO  combo 1/1 done: combo_1_slow rows=0 rejected=3 ");
    }
}
