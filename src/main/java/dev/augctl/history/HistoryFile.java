package dev.augctl.history;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.augctl.common.AtomicFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The duration history, one JSON object per line, appended by the launcher after each run. Bounded:
 * past {@link #CAP} lines the oldest are dropped (the file is then rewritten atomically). Reading
 * never fails a run: a missing file is an empty history, and unreadable lines are skipped with one
 * warning naming the first of them.
 */
public final class HistoryFile {
    /** The file's name in the log directory. */
    public static final String NAME = "history.jsonl";
    /** Lines kept: enough for hundreds of runs of a few dozen combos. */
    public static final int CAP = 20_000;
    private static final JsonFactory JSON = new JsonFactory();

    private final Path file;

    public HistoryFile(Path file) {
        this.file = file;
    }

    /** The history of the launches that write to {@code logDir}. */
    public static HistoryFile in(Path logDir) {
        return new HistoryFile(logDir.resolve(NAME));
    }

    public Path path() {
        return file;
    }

    /**
     * Every readable entry, oldest first. A missing file gives none silently; a file that cannot be
     * read, or lines that are not history entries, give one {@code warn} line and are left out.
     */
    public List<HistoryEntry> read(Consumer<String> warn) {
        List<HistoryEntry> entries = new ArrayList<>();
        int bad = 0;
        int firstBad = 0;
        String why = null;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int lineNo = 0;
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    entries.add(parse(line));
                } catch (IOException | RuntimeException e) {
                    if (bad++ == 0) {
                        firstBad = lineNo;
                        why = e instanceof IllegalArgumentException ? e.getMessage() : "not a JSON object";
                    }
                }
            }
        } catch (NoSuchFileException e) {
            return entries;
        } catch (IOException | RuntimeException e) {
            warn.accept("cannot read the history " + file + " (" + e.getMessage() + "); estimates use what was read");
            return entries;
        }
        if (bad > 0) {
            warn.accept(file + " line " + firstBad + ": " + why + "; " + bad + " unreadable line(s) ignored");
        }
        return entries;
    }

    /** Appends entries (one write of whole lines), then drops the oldest lines past {@link #CAP}. */
    public void append(List<HistoryEntry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        StringBuilder text = new StringBuilder();
        for (HistoryEntry e : entries) {
            text.append(format(e)).append('\n');
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) {
                ch.write(buf);
            }
            ch.force(true);
        }
        trim();
    }

    private void trim() throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        if (lines.size() <= CAP) {
            return;
        }
        List<String> kept = lines.subList(lines.size() - CAP, lines.size());
        AtomicFiles.writeString(file, String.join("\n", kept) + "\n");
    }

    /** One entry as a line of JSON (fields in a fixed order; nulls left out), as the file holds it. */
    public static String format(HistoryEntry e) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            put(g, "kind", e.kind());
            put(g, "time", e.time());
            put(g, "run_id", e.runId());
            put(g, "host", e.host());
            put(g, "worker", e.worker());
            put(g, "combo", e.combo());
            put(g, "methods", e.methods());
            put(g, "input_sha256", e.inputSha256());
            if (e.inputRows() != null) {
                g.writeNumberField("input_rows", e.inputRows());
            }
            if (e.shard() != null) {
                g.writeNumberField("shard", e.shard());
            }
            if (e.numShards() != null) {
                g.writeNumberField("num_shards", e.numShards());
            }
            g.writeNumberField("seconds", Math.round(e.seconds() * 1000) / 1000.0);
            if (e.rows() != null) {
                g.writeNumberField("rows", e.rows());
            }
            g.writeEndObject();
        }
        return w.toString();
    }

    private static void put(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }

    /** Parses one line; IllegalArgumentException names what is wrong with an object that is not an entry. */
    static HistoryEntry parse(String line) throws IOException {
        Map<String, Object> f = new HashMap<>();
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.VALUE_STRING) {
                    f.put(name, p.getText());
                } else if (v == JsonToken.VALUE_NUMBER_INT || v == JsonToken.VALUE_NUMBER_FLOAT) {
                    f.put(name, p.getNumberValue());
                } else {
                    p.skipChildren();
                }
            }
            if (p.currentToken() != JsonToken.END_OBJECT || p.nextToken() != null) {
                throw new IllegalArgumentException("not a JSON object");
            }
        }
        String kind = text(f, "kind");
        if (!HistoryEntry.COMBO.equals(kind) && !HistoryEntry.SHARD.equals(kind)) {
            throw new IllegalArgumentException("kind must be combo or shard, got " + kind);
        }
        if (!(f.get("seconds") instanceof Number seconds) || seconds.doubleValue() < 0
                || !Double.isFinite(seconds.doubleValue())) {
            throw new IllegalArgumentException("seconds must be a number >= 0, got " + f.get("seconds"));
        }
        if (HistoryEntry.COMBO.equals(kind) && text(f, "combo") == null) {
            throw new IllegalArgumentException("a combo entry needs a combo name");
        }
        return new HistoryEntry(kind, text(f, "time"), text(f, "run_id"), text(f, "host"), text(f, "worker"),
                text(f, "combo"), text(f, "methods"), text(f, "input_sha256"), whole(f, "input_rows"),
                integer(f, "shard"), integer(f, "num_shards"), seconds.doubleValue(), whole(f, "rows"));
    }

    private static String text(Map<String, Object> f, String name) {
        return f.get(name) instanceof String s ? s : null;
    }

    private static Long whole(Map<String, Object> f, String name) {
        return f.get(name) instanceof Number n ? n.longValue() : null;
    }

    private static Integer integer(Map<String, Object> f, String name) {
        return f.get(name) instanceof Number n ? n.intValue() : null;
    }
}
