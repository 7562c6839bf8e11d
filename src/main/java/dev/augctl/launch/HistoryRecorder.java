package dev.augctl.launch;

import com.fasterxml.jackson.databind.JsonNode;
import dev.augctl.common.HostName;
import dev.augctl.common.Json;
import dev.augctl.common.ShardPaths;
import dev.augctl.history.HistoryEntry;
import dev.augctl.history.HistoryFile;
import dev.augctl.history.InputFingerprint;
import dev.augctl.history.TimedCombo;
import dev.augctl.run.RunState;
import dev.augctl.run.ShardRecord;
import dev.augctl.run.ShardState;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Appends what a launch measured to the duration history: each combo its shards ran (not those
 * skipped as already complete) and each shard that succeeded. Combo seconds come from the shard
 * manifests' seconds column (the built-in worker's, or a user's worker that has one), else from the
 * timestamps of the combo start and done lines of the shard logs (the monitor's patterns).
 */
final class HistoryRecorder {
    private final LaunchSettings s;
    private final WorkerTemplate template;
    private final Consumer<String> warn;
    private final String worker;

    HistoryRecorder(LaunchSettings s, WorkerTemplate template, Consumer<String> warn) {
        this.s = s;
        this.template = template;
        this.warn = warn;
        this.worker = template.workerName();
    }

    /** Records the shards {@code ran} of {@code state}, a launch that started at {@code since}. */
    void record(RunState state, List<Integer> ran, Instant since) {
        List<HistoryEntry> entries = new ArrayList<>();
        String time = Instant.now().toString();
        try {
            for (int i : ran) {
                entries.addAll(combos(state, i, since, time));
                ShardRecord r = state.shard(i).orElse(null);
                if (r != null && r.state == ShardState.SUCCEEDED && r.startedAt != null && r.endedAt != null) {
                    double seconds = Duration.between(Instant.parse(r.startedAt), Instant.parse(r.endedAt)).toMillis() / 1000.0;
                    InputFingerprint in = s.input();
                    entries.add(new HistoryEntry(HistoryEntry.SHARD, time, state.runId, HostName.get(), worker, null, null,
                            in.sha256(), in.rows(), i, s.numShards, seconds, null));
                }
            }
            HistoryFile.in(s.logDir).append(entries);
        } catch (IOException | RuntimeException e) {
            warn.accept("cannot record durations in " + HistoryFile.in(s.logDir).path() + ": " + e.getMessage());
        }
    }

    private List<HistoryEntry> combos(RunState state, int shard, Instant since, String time) throws IOException {
        Path manifest = ShardPaths.manifest(s.config.outputRoot, shard, s.numShards);
        List<HistoryEntry> out = new ArrayList<>();
        boolean hadSeconds = false;
        if (Files.isRegularFile(manifest)) {
            try (Reader in = Files.newBufferedReader(manifest, StandardCharsets.UTF_8);
                 CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                String key = s.config.merge.keyColumn;
                String secondsColumn = s.config.merge.secondsColumn;
                hadSeconds = secondsColumn != null && p.getHeaderMap().containsKey(secondsColumn)
                        && p.getHeaderMap().containsKey(key);
                if (hadSeconds) {
                    for (CSVRecord r : p) {
                        HistoryEntry e = fromManifest(r, key, secondsColumn, state.runId, shard, since, time);
                        if (e != null) {
                            out.add(e);
                        }
                    }
                }
            }
        }
        if (!hadSeconds) {
            InputFingerprint in = s.input();
            for (TimedCombo t : s.logTimes.read(ShardPaths.log(s.logDir, shard, s.numShards), since)) {
                out.add(new HistoryEntry(HistoryEntry.COMBO, time, state.runId, HostName.get(), worker, t.combo(), null,
                        in.sha256(), in.rows(), shard, s.numShards, t.seconds(), t.rows()));
            }
        }
        return out;
    }

    /** A manifest row as an entry, or null for a combo this run did not compute (the built-in worker skipped it). */
    private HistoryEntry fromManifest(CSVRecord r, String key, String secondsColumn, String runId, int shard,
                                      Instant since, String time) throws IOException {
        String combo = r.get(key);
        double seconds;
        try {
            seconds = Double.parseDouble(r.get(secondsColumn));
        } catch (NumberFormatException e) {
            return null;
        }
        String methods = r.isMapped("methods") ? r.get("methods") : null;
        Long rows = null;
        if (r.isMapped(s.config.merge.rowsColumn)) {
            try {
                rows = Long.valueOf(r.get(s.config.merge.rowsColumn));
            } catch (NumberFormatException e) {
                rows = null;
            }
        }
        String sha;
        Long inputRows;
        if (template.usesBuiltinWorker()) {
            JsonNode meta = meta(combo);
            if (meta == null || !computedSince(meta, since)) {
                return null;
            }
            sha = meta.path("input_sha256").asText(null);
            inputRows = meta.path("input_rows").isNumber() ? meta.path("input_rows").asLong() : null;
        } else {
            sha = s.input().sha256();
            inputRows = s.input().rows();
        }
        return new HistoryEntry(HistoryEntry.COMBO, time, runId, HostName.get(), worker, combo, methods, sha, inputRows,
                shard, s.numShards, seconds, rows);
    }

    private JsonNode meta(String combo) {
        Path f = s.config.outputRoot.resolve(combo).resolve("meta.json");
        try {
            return Json.mapper().readTree(f.toFile());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static boolean computedSince(JsonNode meta, Instant since) {
        try {
            return !Instant.parse(meta.path("started_at").asText()).isBefore(since);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
