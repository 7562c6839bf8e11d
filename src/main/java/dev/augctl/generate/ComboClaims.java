package dev.augctl.generate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.augctl.common.AtomicFiles;
import dev.augctl.common.HostName;
import dev.augctl.common.Json;
import dev.augctl.common.ProcessTree;
import dev.augctl.common.ShardPaths;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * The claims of the dynamic schedule, in {@code <output-root>/.claims/}. The claim of a combo is a
 * series of generations {@code <combo>@<g>.claim}; the highest one present is in force. A shard
 * claims a free combo by creating generation 1, and takes over a stale one (generation g) by
 * creating g+1 (and deleting those before g): files are created with O_CREAT|O_EXCL ({@code CREATE_NEW}), so of several shards
 * racing for the same generation exactly one wins, on one machine or on a shared file system.
 * A claim holds the run id, host, pid and pid start time of its owner, its shard, and whether the
 * combo is done (rewritten atomically once the owner's manifest lists it).
 */
final class ComboClaims {
    static final String DIR = ".claims";
    private static final String SUFFIX = ".claim";
    /** A claim still empty after this long was left by a process that died while creating it. */
    private static final Duration UNWRITTEN = Duration.ofSeconds(30);

    /** What a claim file says. */
    record Owner(String runId, String host, Long pid, String pidStartTime, int shard, int numShards, boolean done) {
    }

    private final Path dir;
    private final Path outputRoot;
    private final String runId;
    private final int shard;
    private final int numShards;
    private final String host = HostName.get();
    private final long pid = ProcessHandle.current().pid();
    private final String pidStart = ProcessTree.startTime(ProcessHandle.current());
    /** Combos done by another shard of this run that has not restarted: they stay theirs. */
    private final Set<String> settled = new HashSet<>();
    private final Map<String, Integer> held = new HashMap<>();

    ComboClaims(Path outputRoot, String runId, int shard, int numShards) {
        this.outputRoot = outputRoot;
        this.dir = outputRoot.resolve(DIR);
        this.runId = runId;
        this.shard = shard;
        this.numShards = numShards;
    }

    /** Claims {@code combo} if nobody holds it; true when this process now holds it. */
    boolean tryClaim(String combo) throws IOException {
        if (settled.contains(combo) || held.containsKey(combo)) {
            return false;
        }
        Files.createDirectories(dir);
        int gen = currentGeneration(combo);
        if (gen > 0 && !stale(combo, gen)) {
            return false;
        }
        Path next = file(combo, gen + 1);
        try (OutputStream out = Files.newOutputStream(next, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            out.write(content(combo, false));
        } catch (FileAlreadyExistsException e) {
            return false; // another shard won this generation
        }
        held.put(combo, gen + 1);
        // Superseded generations go, except the one just taken over: a shard that read it as current
        // and then tries to create this generation must still find it taken.
        for (int g = gen - 1; g >= 1 && Files.deleteIfExists(file(combo, g)); g--) {
            // deleted down to the first one that is already gone
        }
        return true;
    }

    /** Marks a combo this process holds as done (after its manifest lists it). */
    void markDone(String combo) throws IOException {
        Integer gen = held.get(combo);
        if (gen != null) {
            AtomicFiles.write(file(combo, gen), out -> out.write(content(combo, true)));
        }
    }

    /** Whether the claim in force (generation {@code gen}) may be taken over. */
    private boolean stale(String combo, int gen) throws IOException {
        Path f = file(combo, gen);
        Owner o = read(f);
        if (o == null) {
            // Empty or unreadable: being written right now, unless its writer died long ago.
            try {
                Instant modified = Files.getLastModifiedTime(f).toInstant();
                return Duration.between(modified, Instant.now()).compareTo(UNWRITTEN) > 0;
            } catch (NoSuchFileException e) {
                return false; // superseded meanwhile: look again in the next pass
            }
        }
        boolean me = o.pid() != null && o.pid() == pid && HostName.same(o.host(), host)
                && Objects.equals(o.pidStartTime(), pidStart);
        if (me) {
            return false;
        }
        if (!o.done()) {
            if (!runId.equals(o.runId()) || (o.shard() == shard && o.numShards() == numShards)) {
                return true; // an earlier run's, or an earlier attempt of this very shard
            }
            return HostName.same(o.host(), host) && ProcessTree.find(o.pid(), o.pidStartTime()).isEmpty();
        }
        if (o.numShards() != numShards || o.shard() == shard) {
            return true; // another N, or this shard's own: its manifest was rewritten since
        }
        if (listedBy(o.shard(), combo)) {
            if (runId.equals(o.runId())) {
                settled.add(combo);
            }
            return false;
        }
        return true;
    }

    /**
     * Whether shard {@code other}'s manifest lists the combo (a missing or unreadable one lists
     * nothing). Read afresh each time, after the claim: an owner lists a combo before marking it done.
     */
    private boolean listedBy(int other, String combo) {
        Path m = ShardPaths.manifest(outputRoot, other, numShards);
        try (Reader in = Files.newBufferedReader(m, StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                if (r.get(0).equals(combo)) {
                    return true;
                }
            }
        } catch (IOException | RuntimeException e) {
            return false;
        }
        return false;
    }

    private int currentGeneration(String combo) throws IOException {
        String prefix = combo + "@";
        int max = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, f -> {
            String n = f.getFileName().toString();
            return n.startsWith(prefix) && n.endsWith(SUFFIX);
        })) {
            for (Path f : files) {
                String n = f.getFileName().toString();
                try {
                    max = Math.max(max, Integer.parseInt(n.substring(prefix.length(), n.length() - SUFFIX.length())));
                } catch (NumberFormatException e) {
                    // not one of ours
                }
            }
        }
        return max;
    }

    private Path file(String combo, int gen) {
        return dir.resolve(combo + "@" + gen + SUFFIX);
    }

    private byte[] content(String combo, boolean done) throws IOException {
        ObjectNode o = Json.mapper().createObjectNode();
        o.put("combo", combo);
        o.put("run_id", runId);
        o.put("host", host);
        o.put("pid", pid);
        o.put("pid_start_time", pidStart);
        o.put("shard", shard);
        o.put("num_shards", numShards);
        o.put("claimed_at", Instant.now().toString());
        o.put("done", done);
        return (Json.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT)
                .writeValueAsString(o) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    static Owner read(Path f) {
        try {
            JsonNode n = Json.mapper().readTree(f.toFile());
            if (n == null || !n.isObject() || !n.path("shard").isInt() || !n.path("num_shards").isInt()) {
                return null;
            }
            return new Owner(n.path("run_id").asText(null), n.path("host").asText(null),
                    n.path("pid").isNumber() ? n.path("pid").asLong() : null, n.path("pid_start_time").asText(null),
                    n.path("shard").asInt(), n.path("num_shards").asInt(), n.path("done").asBoolean(false));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
