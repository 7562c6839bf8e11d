package dev.augctl.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything an executor needs to run one shard: its exact argv, the variables to add to its
 * environment, and where its log and cache go. The same for every executor. {@code jvmOptions} are
 * the options the launcher put into the built-in worker's argv ({@link WorkerJvm}; empty for another
 * worker), recorded apart so that a retry can replace them.
 */
public record ShardSpec(int index, int numShards, List<String> argv, Map<String, String> env, Path log, Path cache,
        List<String> jvmOptions) {
    public ShardSpec {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
        jvmOptions = List.copyOf(jvmOptions);
    }

    /** "shard 3/7", as every message names a shard. */
    public String label() {
        return "shard " + index + "/" + numShards;
    }
}
