package dev.augctl.launch;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Everything an executor needs to run one shard: its exact argv, the variables to add to its
 * environment, and where its log and cache go. The same for every executor.
 */
public record ShardSpec(int index, int numShards, List<String> argv, Map<String, String> env, Path log, Path cache) {
    public ShardSpec {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
    }

    /** "shard 3/7", as every message names a shard. */
    public String label() {
        return "shard " + index + "/" + numShards;
    }
}
