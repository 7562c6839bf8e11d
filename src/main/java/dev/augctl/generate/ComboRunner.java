package dev.augctl.generate;

import dev.augctl.common.SaveFormat;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augctl.common.Version;
import dev.augctl.common.AtomicFiles;
import dev.augctl.common.AugctlException;
import dev.augctl.common.Json;
import dev.augctl.generate.augment.Augmenter;
import dev.augctl.generate.output.DatasetWriter;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Produces one combo's outputs in {@code <output-root>/<combo>/}: reuses a complete one whose
 * parameters match, otherwise generates the dataset (rows in parallel chunks, written in input order)
 * to a temporary file, renames it, and writes meta.json last as the completion mark.
 */
final class ComboRunner {
    /** Rows per unit of parallel work. */
    static final int CHUNK_ROWS = 256;
    /** New cache entries are handed to the cache in batches of about this many (it commits them in larger ones). */
    static final int CACHE_BATCH = 20_000;
    static final String META = "meta.json";
    private static final long PROGRESS_EVERY_NANOS = 2_000_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(ComboRunner.class);

    private final GenerateSettings settings;
    private final InputTable input;
    private final String inputSha256;
    private final Map<String, Augmenter> augmenters;
    private final AugmentCache cache;
    private final ExecutorService pool;

    ComboRunner(GenerateSettings settings, InputTable input, String inputSha256, Map<String, Augmenter> augmenters,
            AugmentCache cache, ExecutorService pool) {
        this.settings = settings;
        this.input = input;
        this.inputSha256 = inputSha256;
        this.augmenters = augmenters;
        this.cache = cache;
        this.pool = pool;
    }

    /**
     * Runs combo {@code number} (1-based) of {@code total} in this shard ({@code total} null when the
     * shard claims its combos as it goes); returns its manifest row.
     */
    ShardManifest.Entry run(Combo combo, int number, Integer total) throws IOException {
        String tag = "combo " + number + (total == null ? "" : "/" + total);
        Path dir = settings.outputRoot().resolve(combo.name());
        String datasetName = settings.saveFormat().datasetFileName();
        String relPath = combo.name() + "/" + datasetName;
        removeTempFiles(dir);
        LOG.info(tag + " start: " + combo.name());

        ObjectNode params = ComboParameters.of(combo, settings, inputSha256);
        Path metaFile = dir.resolve(META);
        JsonNode previous = readMeta(metaFile);
        if (previous != null) {
            List<String> changed = ComboParameters.differences(previous, params);
            boolean datasetThere = Files.isRegularFile(dir.resolve(datasetName))
                    && Files.size(dir.resolve(datasetName)) > 0;
            if (changed.isEmpty() && datasetThere && !settings.force()) {
                long rows = previous.path("rows").asLong();
                long rejected = previous.path("rejected").asLong();
                LOG.info(tag + " done: " + combo.name() + " rows=" + rows + " rejected=" + rejected
                        + " seconds=0.0 (skipped: already complete)");
                return new ShardManifest.Entry(combo.name(), combo.methodNames(), rows, rejected, relPath,
                        previous.path("seconds").asDouble());
            }
            String why = settings.force() ? "--force"
                    : !changed.isEmpty() ? "parameters changed: " + String.join(", ", changed)
                    : datasetName + " is missing";
            LOG.info("recomputing " + combo.name() + " (" + why + ")");
        }
        // The completion mark goes first, so that a run killed from here on leaves an incomplete combo.
        Files.deleteIfExists(metaFile);
        Files.createDirectories(dir);
        removeOtherDatasets(dir, datasetName);

        Instant started = Instant.now();
        long t0 = System.nanoTime();
        Totals totals = generate(combo, tag, dir.resolve("." + datasetName + ".tmp"), dir.resolve(datasetName));
        double seconds = (System.nanoTime() - t0) / 1e9;

        ObjectNode meta = Json.mapper().createObjectNode();
        meta.put("combo", combo.name());
        meta.setAll(params);
        meta.put("similarity_measure", "cosine of character-trigram count vectors of the lowercased texts");
        meta.put("input_path", input.file().toString());
        meta.put("input_rows", input.size());
        ObjectNode types = meta.putObject("input_types");
        for (int i = 0; i < input.header().size(); i++) {
            types.put(input.header().get(i), input.columnTypes().get(i).id());
        }
        meta.put("dataset", datasetName);
        meta.put("rows", totals.kept);
        meta.put("rejected", totals.rejected);
        meta.put("attempts", totals.attempts);
        meta.put("long_texts", totals.longTexts);
        ObjectNode sim = meta.putObject("similarity");
        if (totals.kept > 0) {
            sim.put("min", totals.minSim);
            sim.put("mean", totals.sumSim / totals.kept);
            sim.put("max", totals.maxSim);
        }
        ObjectNode c = meta.putObject("cache");
        c.put("hits", totals.hits);
        c.put("misses", totals.attempts - totals.hits);
        meta.put("started_at", started.toString());
        meta.put("finished_at", Instant.now().toString());
        meta.put("seconds", seconds);
        meta.put("tool_version", Version.current());
        AtomicFiles.writeString(metaFile, Json.mapper().writeValueAsString(meta) + "\n");

        LOG.info(tag + " done: " + combo.name() + " rows=" + totals.kept + " rejected=" + totals.rejected
                + " seconds=" + String.format(Locale.ROOT, "%.1f", seconds));
        return new ShardManifest.Entry(combo.name(), combo.methodNames(), totals.kept, totals.rejected, relPath, seconds);
    }

    private Totals generate(Combo combo, String tag, Path tmp, Path target) throws IOException {
        List<Augmenter> steps = combo.methods().stream().map(m -> augmenters.get(m.name())).toList();
        VariantGenerator generator = new VariantGenerator(combo, steps, input, settings, cache);
        DatasetWriter.Layout layout = new DatasetWriter.Layout(input.header(), input.columnTypes(), input.textIndex(), input.idIndex(),
                combo.name());
        int rows = input.size();
        int chunks = (rows + CHUNK_ROWS - 1) / CHUNK_ROWS;
        int window = 2 * settings.numProc() + 1;
        ArrayDeque<Future<VariantGenerator.Chunk>> inFlight = new ArrayDeque<>();
        Totals totals = new Totals();
        List<AugmentCache.Entry> pendingCache = new ArrayList<>();
        Progress progress = new Progress(tag, rows);
        int submitted = 0;
        try (DatasetWriter writer = DatasetWriter.open(settings.saveFormat(), tmp, layout)) {
            while (submitted < chunks || !inFlight.isEmpty()) {
                while (submitted < chunks && inFlight.size() < window) {
                    int from = submitted * CHUNK_ROWS;
                    int to = Math.min(rows, from + CHUNK_ROWS);
                    inFlight.add(pool.submit(() -> generator.generate(from, to)));
                    submitted++;
                }
                VariantGenerator.Chunk chunk = await(inFlight.poll(), combo, progress);
                for (VariantGenerator.Variant v : chunk.kept()) {
                    writer.write(input.row(v.row()), v.text(), v.variant(), v.similarity());
                    totals.add(v.similarity());
                }
                totals.rejected += chunk.rejected();
                totals.attempts += chunk.attempts();
                totals.hits += chunk.hits();
                totals.longTexts += chunk.longTexts();
                pendingCache.addAll(chunk.newEntries());
                if (pendingCache.size() >= CACHE_BATCH) {
                    cache.putAll(pendingCache);
                    pendingCache = new ArrayList<>();
                }
                progress.rowsDone(Math.min(rows, (submitted - inFlight.size()) * CHUNK_ROWS));
            }
        } catch (IOException e) {
            inFlight.forEach(f -> f.cancel(true));
            Files.deleteIfExists(tmp);
            throw AtomicFiles.naming(target, e);
        } catch (RuntimeException e) {
            inFlight.forEach(f -> f.cancel(true));
            Files.deleteIfExists(tmp);
            throw e;
        }
        cache.putAll(pendingCache);
        cache.markComplete(generator.cacheGroup());
        progress.finished();
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
        AtomicFiles.moveIntoPlace(tmp, target);
        return totals;
    }

    /** Waits for a chunk, logging progress meanwhile: a slow chunk must not look like a stalled shard. */
    private static VariantGenerator.Chunk await(Future<VariantGenerator.Chunk> f, Combo combo, Progress progress) {
        try {
            while (true) {
                try {
                    return f.get(progress.nanosToNextLine(), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    progress.tick();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AugctlException.failed("interrupted while generating " + combo.name(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof AugctlException ae) {
                throw ae;
            }
            throw AugctlException.failed(combo.name() + ": augmentation failed: " + cause, cause);
        }
    }

    private static JsonNode readMeta(Path metaFile) {
        if (!Files.isRegularFile(metaFile)) {
            return null;
        }
        try {
            return Json.mapper().readTree(metaFile.toFile());
        } catch (IOException e) {
            // An unreadable completion mark means "not complete": the combo is generated again.
            return Json.mapper().createObjectNode();
        }
    }

    /** Removes what a killed run left behind: our temporary files are named {@code .<name>.*tmp}. */
    static void removeTempFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.tmp")) {
            for (Path f : files) {
                Files.deleteIfExists(f);
            }
        }
    }

    private static void removeOtherDatasets(Path dir, String keep) throws IOException {
        for (SaveFormat f : SaveFormat.values()) {
            if (!f.datasetFileName().equals(keep)) {
                Files.deleteIfExists(dir.resolve(f.datasetFileName()));
            }
        }
    }

    /** Running counts of one combo. */
    private static final class Totals {
        long kept;
        long rejected;
        long attempts;
        long hits;
        long longTexts;
        double minSim = Double.POSITIVE_INFINITY;
        double maxSim = Double.NEGATIVE_INFINITY;
        double sumSim;

        void add(double sim) {
            kept++;
            sumSim += sim;
            minSim = Math.min(minSim, sim);
            maxSim = Math.max(maxSim, sim);
        }
    }

    /**
     * A progress line every ~2 s while the combo runs, whether or not rows finished meanwhile (a line
     * repeating the count tells the monitor the shard is alive during a slow chunk), and one at the end.
     */
    private static final class Progress {
        private final String tag;
        private final int total;
        private long lastNanos = System.nanoTime();
        private int done;

        Progress(String tag, int total) {
            this.tag = tag;
            this.total = total;
        }

        void rowsDone(int rows) {
            done = rows;
            tick();
        }

        /** Logs the count if the last line is ~2 s old. */
        void tick() {
            long now = System.nanoTime();
            if (now - lastNanos >= PROGRESS_EVERY_NANOS && done < total) {
                lastNanos = now;
                print();
            }
        }

        long nanosToNextLine() {
            return Math.max(1, lastNanos + PROGRESS_EVERY_NANOS - System.nanoTime());
        }

        void finished() {
            done = total;
            print();
        }

        private void print() {
            double pct = total == 0 ? 100.0 : 100.0 * done / total;
            LOG.info(tag + " progress: " + done + "/" + total + " rows (" + String.format(Locale.ROOT, "%.1f", pct) + "%)");
        }
    }
}
