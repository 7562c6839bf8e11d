package dev.augctl.run;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code run.json} to and from {@link RunState}, written field by field with Jackson's streaming
 * API. Every command that starts up reads or writes this file, and the streaming API costs a tenth
 * of the start-up time of a data-binding mapper. The field names here are the schema of
 * docs/RUN_STATE.md; unknown fields are skipped so that older readers accept newer files.
 */
final class RunStateJson {
    // The caller owns the stream (an atomic write flushes and syncs it after this).
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
            .build();

    private RunStateJson() {
    }

    static void write(RunState s, OutputStream out) throws IOException {
        try (JsonGenerator g = FACTORY.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeNumberField("schema", s.schema);
            string(g, "executor", s.executor);
            string(g, "state", s.state);
            number(g, "launcher_pid", s.launcherPid);
            string(g, "launcher_start_time", s.launcherStartTime);
            string(g, "run_id", s.runId);
            string(g, "host", s.host);
            string(g, "started_at", s.startedAt);
            string(g, "ended_at", s.endedAt);
            g.writeNumberField("num_shards", s.numShards);
            g.writeNumberField("jobs", s.jobs);
            g.writeNumberField("grace_period", s.gracePeriod);
            string(g, "signal", s.signal);
            string(g, "config", s.config);
            string(g, "output_root", s.outputRoot);
            string(g, "input", s.input);
            string(g, "input_sha256", s.inputSha256);
            number(g, "input_rows", s.inputRows);
            string(g, "job_id", s.jobId);
            number(g, "gpus_per_shard", s.gpusPerShard == null ? null : s.gpusPerShard.longValue());
            g.writeArrayFieldStart("shards");
            for (ShardRecord r : s.shards) {
                writeShard(g, r);
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private static void writeShard(JsonGenerator g, ShardRecord r) throws IOException {
        g.writeStartObject();
        g.writeNumberField("index", r.index);
        string(g, "state", r.state == null ? null : r.state.json());
        strings(g, "argv", r.argv);
        strings(g, "jvm_options", r.jvmOptions);
        number(g, "pid", r.pid);
        string(g, "pid_start_time", r.pidStartTime);
        number(g, "process_group", r.processGroup);
        number(g, "exit_code", r.exitCode == null ? null : r.exitCode.longValue());
        string(g, "signal", r.signal);
        g.writeNumberField("attempts", r.attempts);
        string(g, "started_at", r.startedAt);
        string(g, "ended_at", r.endedAt);
        string(g, "log", r.log);
        string(g, "cache", r.cache);
        string(g, "message", r.message);
        string(g, "task_id", r.taskId);
        string(g, "gpus", r.gpus);
        g.writeEndObject();
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeArrayFieldStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }

    private static void string(JsonGenerator g, String name, String value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeString(value);
        }
    }

    private static void number(JsonGenerator g, String name, Long value) throws IOException {
        g.writeFieldName(name);
        if (value == null) {
            g.writeNull();
        } else {
            g.writeNumber(value);
        }
    }

    /** Parses a whole run state; a structural or type error is a {@link JsonParseException} naming the field and line. */
    static RunState read(byte[] json) throws IOException {
        try (JsonParser p = FACTORY.createParser(json)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT, "the document");
            RunState s = new RunState();
            java.util.Set<String> seen = new java.util.HashSet<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                seen.add(name);
                JsonToken t = p.nextToken();
                switch (name) {
                    case "schema" -> s.schema = (int) integer(p, t, name, 0L);
                    case "executor" -> s.executor = text(p, t, name);
                    case "state" -> s.state = text(p, t, name);
                    case "launcher_pid" -> s.launcherPid = nullableInteger(p, t, name);
                    case "launcher_start_time" -> s.launcherStartTime = text(p, t, name);
                    case "run_id" -> s.runId = text(p, t, name);
                    case "host" -> s.host = text(p, t, name);
                    case "started_at" -> s.startedAt = text(p, t, name);
                    case "ended_at" -> s.endedAt = text(p, t, name);
                    case "num_shards" -> s.numShards = (int) integer(p, t, name, 0L);
                    case "jobs" -> s.jobs = (int) integer(p, t, name, 0L);
                    case "grace_period" -> s.gracePeriod = decimal(p, t, name);
                    case "signal" -> s.signal = text(p, t, name);
                    case "config" -> s.config = text(p, t, name);
                    case "output_root" -> s.outputRoot = text(p, t, name);
                    case "input" -> s.input = text(p, t, name);
                    case "input_sha256" -> s.inputSha256 = text(p, t, name);
                    case "input_rows" -> s.inputRows = nullableInteger(p, t, name);
                    case "job_id" -> s.jobId = text(p, t, name);
                    case "gpus_per_shard" -> {
                        Long k = nullableInteger(p, t, name);
                        s.gpusPerShard = k == null ? null : k.intValue();
                    }
                    case "shards" -> s.shards = shards(p, t);
                    default -> p.skipChildren();
                }
            }
            expect(p, p.currentToken(), JsonToken.END_OBJECT, "the document");
            if (p.nextToken() != null) {
                throw malformed(p, "unexpected content after the document");
            }
            checkShards(s, seen);
            return s;
        }
    }

    /** The fields every run state has, and shard indices that are unique and within 0..num_shards-1. */
    private static void checkShards(RunState s, java.util.Set<String> seen) throws IOException {
        for (String required : List.of("schema", "num_shards", "shards")) {
            if (!seen.contains(required)) {
                throw invalid("field '" + required + "' is missing");
            }
        }
        java.util.Set<Integer> indices = new java.util.HashSet<>();
        for (ShardRecord r : s.shards) {
            if (r.index < 0 || r.index >= s.numShards) {
                throw invalid("shard index " + r.index + " is outside 0.." + (s.numShards - 1) + " (num_shards " + s.numShards + ")");
            }
            if (!indices.add(r.index)) {
                throw invalid("shard " + r.index + " is listed twice");
            }
        }
    }

    /** A document that parses but cannot be a run state (no position to name). */
    private static JsonParseException invalid(String message) {
        return new JsonParseException((JsonParser) null, message);
    }

    private static List<ShardRecord> shards(JsonParser p, JsonToken t) throws IOException {
        List<ShardRecord> shards = new ArrayList<>();
        if (t == JsonToken.VALUE_NULL) {
            return shards;
        }
        expect(p, t, JsonToken.START_ARRAY, "'shards'");
        while (p.nextToken() != JsonToken.END_ARRAY) {
            expect(p, p.currentToken(), JsonToken.START_OBJECT, "each of 'shards'");
            shards.add(shard(p));
        }
        return shards;
    }

    private static ShardRecord shard(JsonParser p) throws IOException {
        ShardRecord r = new ShardRecord();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken t = p.nextToken();
            switch (name) {
                case "index" -> r.index = (int) integer(p, t, name, 0L);
                case "state" -> r.state = state(p, t);
                case "argv" -> r.argv = strings(p, t, name);
                case "jvm_options" -> r.jvmOptions = strings(p, t, name);
                case "pid" -> r.pid = nullableInteger(p, t, name);
                case "pid_start_time" -> r.pidStartTime = text(p, t, name);
                case "process_group" -> r.processGroup = nullableInteger(p, t, name);
                case "exit_code" -> {
                    Long code = nullableInteger(p, t, name);
                    r.exitCode = code == null ? null : code.intValue();
                }
                case "signal" -> r.signal = text(p, t, name);
                case "attempts" -> r.attempts = (int) integer(p, t, name, 0L);
                case "started_at" -> r.startedAt = text(p, t, name);
                case "ended_at" -> r.endedAt = text(p, t, name);
                case "log" -> r.log = text(p, t, name);
                case "cache" -> r.cache = text(p, t, name);
                case "message" -> r.message = text(p, t, name);
                case "task_id" -> r.taskId = text(p, t, name);
                case "gpus" -> r.gpus = text(p, t, name);
                default -> p.skipChildren();
            }
        }
        return r;
    }

    private static ShardState state(JsonParser p, JsonToken t) throws IOException {
        String value = text(p, t, "state");
        if (value == null) {
            return ShardState.PENDING;
        }
        try {
            return ShardState.parse(value);
        } catch (IllegalArgumentException e) {
            throw malformed(p, "unknown shard state '" + value + "'");
        }
    }

    private static List<String> strings(JsonParser p, JsonToken t, String name) throws IOException {
        List<String> out = new ArrayList<>();
        if (t == JsonToken.VALUE_NULL) {
            return out;
        }
        expect(p, t, JsonToken.START_ARRAY, "'" + name + "'");
        while (p.nextToken() != JsonToken.END_ARRAY) {
            out.add(text(p, p.currentToken(), name));
        }
        return out;
    }

    private static String text(JsonParser p, JsonToken t, String name) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expect(p, t, JsonToken.VALUE_STRING, "'" + name + "'");
        return p.getText();
    }

    private static Long nullableInteger(JsonParser p, JsonToken t, String name) throws IOException {
        return t == JsonToken.VALUE_NULL ? null : integer(p, t, name, null);
    }

    private static long integer(JsonParser p, JsonToken t, String name, Long ifNull) throws IOException {
        if (t == JsonToken.VALUE_NULL && ifNull != null) {
            return ifNull;
        }
        expect(p, t, JsonToken.VALUE_NUMBER_INT, "'" + name + "'");
        return p.getLongValue();
    }

    private static double decimal(JsonParser p, JsonToken t, String name) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
            return p.getDoubleValue();
        }
        expect(p, t, JsonToken.VALUE_NUMBER_FLOAT, "'" + name + "'");
        return 0;
    }

    private static void expect(JsonParser p, JsonToken actual, JsonToken wanted, String what) throws IOException {
        if (actual != wanted) {
            throw malformed(p, what + " must be " + describe(wanted) + ", found " + describe(actual));
        }
    }

    private static JsonParseException malformed(JsonParser p, String message) {
        return new JsonParseException(p, message + " at line " + p.currentLocation().getLineNr()
                + ", column " + p.currentLocation().getColumnNr());
    }

    private static String describe(JsonToken t) {
        if (t == null) {
            return "the end of the file";
        }
        return switch (t) {
            case START_OBJECT -> "an object";
            case END_OBJECT -> "the end of an object";
            case START_ARRAY -> "a list";
            case END_ARRAY -> "the end of a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT -> "an integer";
            case VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "true or false";
            case VALUE_NULL -> "null";
            default -> t.name();
        };
    }
}
