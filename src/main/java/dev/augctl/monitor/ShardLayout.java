package dev.augctl.monitor;

import dev.augctl.common.ShardPaths;
import dev.augctl.run.RunState;
import dev.augctl.run.ShardRecord;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Which shards there are and where their logs are: from run.json when the launcher wrote one, else
 * from {@code --num-shards}, else from the configuration's num_shards when logs of that many shards
 * exist (or none at all), else from the {@code shard_*_of_*.log} files in the log directory.
 */
final class ShardLayout {
    /** One shard to watch: its index, its log, and its run.json record (or null). */
    record Entry(int index, Path log, ShardRecord record) {
    }

    private ShardLayout() {
    }

    static List<Entry> resolve(MonitorSettings s, RunState run) throws IOException {
        List<Entry> out = new ArrayList<>();
        if (run != null && run.numShards > 0) {
            for (int i = 0; i < run.numShards; i++) {
                ShardRecord rec = run.shard(i).orElse(null);
                Path log = rec != null && rec.log != null && !rec.log.isBlank()
                        ? locate(Path.of(rec.log), s.logDir())
                        : ShardPaths.log(s.logDir(), i, run.numShards);
                out.add(new Entry(i, log, rec));
            }
            return out;
        }
        int n = s.numShards() != null ? s.numShards() : fromFiles(s.logDir(), s.configShards());
        for (int i = 0; i < n; i++) {
            out.add(new Entry(i, ShardPaths.log(s.logDir(), i, n), null));
        }
        return out;
    }

    /** A log path from run.json: as written when it resolves from here, else by name in the log dir. */
    private static Path locate(Path recorded, Path logDir) {
        if (recorded.isAbsolute() || Files.exists(recorded)) {
            return recorded;
        }
        Path inDir = logDir.resolve(recorded.getFileName());
        if (Files.exists(inDir)) {
            return inDir;
        }
        Path parent = recorded.getParent();
        return parent == null || Files.isDirectory(parent) ? recorded : inDir;
    }

    /**
     * N from the logs present: the configured N when its logs exist or there are none; otherwise
     * the N of the most recently modified {@code shard_*_of_N.log}.
     */
    private static int fromFiles(Path logDir, int configured) throws IOException {
        Map<Integer, Long> newestByN = new HashMap<>();
        if (Files.isDirectory(logDir)) {
            try (DirectoryStream<Path> dir = Files.newDirectoryStream(logDir, "shard_*_of_*.log")) {
                for (Path p : dir) {
                    Matcher m = ShardPaths.LOG.matcher(p.getFileName().toString());
                    if (m.matches()) {
                        int n = Integer.parseInt(m.group(2));
                        long t = Files.getLastModifiedTime(p).toMillis();
                        newestByN.merge(n, t, Math::max);
                    }
                }
            }
        }
        if (newestByN.isEmpty() || newestByN.containsKey(configured)) {
            return configured;
        }
        return newestByN.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }
}
