package dev.augctl.generate;

import dev.augctl.common.RunId;
import dev.augctl.common.ShardPaths;
import dev.augctl.generate.augment.AugmentResources;
import dev.augctl.generate.augment.Augmenter;
import dev.augctl.generate.augment.AugmenterFactory;
import dev.augctl.generate.augment.MethodSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in worker: validates the input and the methods (writing nothing when they are bad), then
 * produces the combos of one shard in plan order and rewrites the shard manifest after each.
 */
public final class GenerateWorker {
    /** The worker's log: stdout, in the format the monitor reads (common/LogbackConfigurator). */
    private static final Logger LOG = LoggerFactory.getLogger(GenerateWorker.class);

    private final GenerateSettings settings;
    private final Schedule schedule;

    public GenerateWorker(GenerateSettings settings) {
        this(settings, Schedule.fixed());
    }

    public GenerateWorker(GenerateSettings settings, Schedule schedule) {
        this.settings = settings;
        this.schedule = schedule;
    }

    /** What the shard did. */
    public record Summary(int combos, long rows, double seconds) {
    }

    public Summary run() throws IOException {
        long t0 = System.nanoTime();
        GenerateSettings s = settings;
        WorkerInputs inputs = WorkerInputs.load(s.methods(), s.comboMode(), s.input(), s.columns(), s.inputTable());
        ComboPlan plan = inputs.plan();
        InputTable input = inputs.input();
        List<Combo> mine = schedule.dynamic() ? plan.all() : plan.forShard(s.shardIndex(), s.numShards());
        Map<String, Augmenter> augmenters = createAugmenters(mine, input);
        String inputSha256 = input.sha256();

        String shard = "shard " + s.shardIndex() + "/" + s.numShards();
        long longTexts = input.texts().stream().filter(s::tooLong).count();
        if (schedule.dynamic()) {
            LOG.info(shard + ": dynamic schedule: claiming combos one at a time, longest estimated first, of "
                    + mine.size() + " combos in the run");
        } else {
            LOG.info(shard + ": assigned " + mine.size() + " combos" + (mine.isEmpty() ? "" : ": "
                    + mine.stream().map(Combo::name).collect(Collectors.joining(", "))));
        }
        Files.createDirectories(s.outputRoot());
        Path manifestFile = ShardPaths.manifest(s.outputRoot(), s.shardIndex(), s.numShards());
        removeStaleManifestTemps(manifestFile);
        ShardManifest manifest = new ShardManifest(manifestFile, s.shardIndex(), s.numShards(), RunId.current());
        manifest.write();
        if (longTexts > 0 && !mine.isEmpty()) {
            LOG.warn("{} of {} rows have a text longer than {} characters (--max-text-chars): they are not "
                    + "augmented (no variants) and counted as long_texts in each combo's meta.json",
                    longTexts, input.size(), s.maxTextChars());
        }
        long rows = 0;
        int ran = 0;
        if (!mine.isEmpty()) {
            ExecutorService pool = Executors.newFixedThreadPool(s.numProc(), daemonThreads());
            try (AugmentCache cache = AugmentCache.open(s.cacheDb())) {
                ComboRunner runner = new ComboRunner(s, input, inputSha256, augmenters, cache, pool);
                if (schedule.dynamic()) {
                    DynamicPicker picker = new DynamicPicker(s, schedule, mine, inputSha256, input.size());
                    for (Combo c = picker.next(); c != null; c = picker.next()) {
                        ShardManifest.Entry entry = runner.run(c, ran + 1, null);
                        manifest.add(entry);
                        picker.done(c);
                        rows += entry.rows();
                        ran++;
                    }
                } else {
                    for (Combo c : mine) {
                        ShardManifest.Entry entry = runner.run(c, ran + 1, mine.size());
                        manifest.add(entry);
                        rows += entry.rows();
                        ran++;
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        LOG.info(shard + " complete: " + ran + " combos, " + rows + " rows, "
                + String.format(Locale.ROOT, "%.1f", seconds) + " s");
        return new Summary(ran, rows, seconds);
    }

    /** One augmenter per method used by this shard, built before anything is written. */
    private Map<String, Augmenter> createAugmenters(List<Combo> combos, InputTable input) {
        Path baseDir = settings.methods().toAbsolutePath().getParent();
        AugmentResources resources = new AugmentResources(baseDir, input.texts());
        Map<String, Augmenter> byName = new LinkedHashMap<>();
        for (Combo c : combos) {
            for (MethodSpec m : c.methods()) {
                byName.computeIfAbsent(m.name(), k -> AugmenterFactory.create(m, resources));
            }
        }
        return byName;
    }

    private static void removeStaleManifestTemps(Path manifest) throws IOException {
        String prefix = "." + manifest.getFileName() + ".";
        try (var files = Files.newDirectoryStream(manifest.getParent(), f -> {
            String n = f.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(".tmp");
        })) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "augment-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
