package dev.augctl.launch;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables every shard gets: its index and N, and caps on the thread pools of numerical
 * libraries so that N shards do not each start one thread per core.
 */
public final class ShardEnvironment {
    static final String[] THREAD_CAPS = {"OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS"};

    private ShardEnvironment() {
    }

    /** The thread caps alone (the same for every shard), then worker.env, which may override them. */
    public static Map<String, String> common(int threads, Map<String, String> workerEnv) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String cap : THREAD_CAPS) {
            env.put(cap, Integer.toString(threads));
        }
        env.put("TOKENIZERS_PARALLELISM", "false");
        env.putAll(workerEnv);
        return env;
    }

    /**
     * The full set for shard {@code index}; {@code runId} (null in a dry run) and the log directory
     * mark the launch's processes ({@link RunTag}).
     */
    public static Map<String, String> forShard(int index, int numShards, String runId, Path logDir, Map<String, String> common) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AUGCTL_SHARD_INDEX", Integer.toString(index));
        env.put("AUGCTL_NUM_SHARDS", Integer.toString(numShards));
        if (runId != null) {
            env.put(RunTag.VARIABLE, runId);
            env.put(RunTag.LOG_DIR_VARIABLE, RunTag.logDirMark(logDir));
        }
        env.putAll(common);
        return env;
    }
}
