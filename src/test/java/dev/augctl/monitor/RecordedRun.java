package dev.augctl.monitor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real run recorded under {@code src/test/resources/eta/} (its run.json at the end, its shard logs
 * and the history it started with), replayed as the monitor would have seen it at any moment: the
 * log lines written by then, run.json with the shards started and ended by then.
 */
final class RecordedRun {
    private static final Pattern TS = Pattern.compile("^(\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z)|attempt \\d+ at (\\S+Z):");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;
    private final JsonNode run;
    final Instant start;
    final Instant end;

    RecordedRun(String name) throws IOException {
        this.dir = Path.of("src/test/resources/eta").resolve(name);
        this.run = JSON.readTree(dir.resolve("run.json").toFile());
        Instant first = null;
        Instant last = null;
        for (JsonNode s : run.get("shards")) {
            Instant a = Instant.parse(s.get("started_at").asText());
            Instant b = Instant.parse(s.get("ended_at").asText());
            first = first == null || a.isBefore(first) ? a : first;
            last = last == null || b.isAfter(last) ? b : last;
        }
        this.start = first;
        this.end = last;
    }

    /** The moment {@code fraction} of the run (first shard start to last shard end) has passed. */
    Instant at(double fraction) {
        return start.plusMillis(Math.round(Duration.between(start, end).toMillis() * fraction));
    }

    /** Seconds from {@code t} to the run's end. */
    double leftAt(Instant t) {
        return Duration.between(t, end).toMillis() / 1000.0;
    }

    /** What {@code augctl monitor} would have shown at {@code t}, from a copy of the run made in {@code work}. */
    Snapshot snapshot(Instant t, Path work) throws IOException {
        Path logs = Files.createDirectories(work.resolve("logs-" + t.toEpochMilli()));
        ObjectNode state = run.deepCopy();
        state.put("state", "running");
        state.putNull("ended_at");
        int n = state.get("num_shards").asInt();
        for (JsonNode s : state.get("shards")) {
            ObjectNode shard = (ObjectNode) s;
            Instant a = Instant.parse(s.get("started_at").asText());
            Instant b = Instant.parse(s.get("ended_at").asText());
            if (a.isAfter(t)) {
                shard.put("state", "pending");
                shard.putNull("started_at");
            } else if (b.isAfter(t)) {
                shard.put("state", "running");
                shard.putNull("exit_code");
            }
            if (b.isAfter(t)) {
                shard.putNull("ended_at");
            }
            int i = s.get("index").asInt();
            Path log = dir.resolve("shard_" + i + "_of_" + n + ".log");
            if (!a.isAfter(t)) {
                Files.writeString(logs.resolve(log.getFileName()), linesUntil(log, t), StandardCharsets.UTF_8);
            }
        }
        Files.writeString(logs.resolve("run.json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state));
        if (Files.exists(dir.resolve("history.jsonl"))) {
            Files.copy(dir.resolve("history.jsonl"), logs.resolve("history.jsonl"));
        }
        MonitorSettings settings = new MonitorSettings(logs, null, n, null, Duration.ofSeconds(1), Duration.ofMinutes(10));
        return new Monitor(settings, PatternSet.defaults(), Clock.fixed(t, ZoneOffset.UTC), 1).refresh();
    }

    /** The lines of a log stamped at or before {@code t} (a line without a stamp goes with the one before). */
    private static String linesUntil(Path log, Instant t) throws IOException {
        List<String> kept = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            Matcher m = TS.matcher(line);
            if (m.find()) {
                Instant when = Instant.parse(m.group(1) != null ? m.group(1) : m.group(2));
                if (when.isAfter(t)) {
                    break;
                }
            }
            kept.add(line);
        }
        return kept.isEmpty() ? "" : String.join("\n", kept) + "\n";
    }
}
