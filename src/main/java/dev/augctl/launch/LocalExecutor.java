package dev.augctl.launch;

import dev.augctl.common.ProcessTree;
import dev.augctl.common.TreeStopper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * Runs each shard as a local process: argv as given (no shell), stdout and stderr appended to the
 * shard's log by the OS (so the log survives the launcher), stdin from /dev/null, and, where
 * {@code setsid} exists, in a session and process group of its own so the whole tree can be signalled,
 * at a lower CPU priority ({@link ShardPriority}).
 */
public final class LocalExecutor implements ShardExecutor {
    static final File SETSID = new File("/usr/bin/setsid");
    private static final File DEV_NULL = new File("/dev/null");

    private final int nice;

    /** @param nice how much lower than the launcher's the shards' CPU priority is (0..19; 0 leaves it) */
    public LocalExecutor(int nice) {
        this.nice = nice;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public RunningShard start(ShardSpec spec) throws IOException {
        // setsid execs the worker in place (the forked child is not a group leader, so setsid does
        // not fork again): the pid Java sees is the worker's, and it leads its own group.
        List<String> command = new ArrayList<>();
        boolean ownGroup = SETSID.canExecute();
        if (ownGroup) {
            command.add(SETSID.getPath());
        }
        command.addAll(ShardPriority.prefix(nice)); // nice execs in place too: the pid stays the worker's
        command.addAll(spec.argv());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(spec.env());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(spec.log().toFile()));
        if (DEV_NULL.exists()) {
            pb.redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
        }
        Process process = pb.start();
        if (ownGroup) {
            ShardPriority.lowerAutogroup(process.pid(), nice);
        }
        return new LocalShard(process, ownGroup);
    }

    /** A shard started by {@link LocalExecutor}. */
    static final class LocalShard implements RunningShard {
        private final Process process;
        private final String startTime;
        private final CompletableFuture<ShardExit> exit;
        private final Long groupId;
        private volatile TreeStopper stopper;

        LocalShard(Process process, boolean ownGroup) {
            this.process = process;
            this.startTime = ProcessTree.startTime(process.toHandle());
            // Through setsid the worker leads a group (and session) whose id is its pid. Right after
            // the fork it may not have called setsid() yet; nobody waits for that here: a stop
            // signals the group only once one of the tree's processes is in it (TreeStopper), and
            // signals every process of the tree by pid anyway.
            this.groupId = ownGroup ? process.pid() : null;
            // Process.onExit waits for (and reaps) our own child: a zombie does not count as running.
            this.exit = process.onExit().thenApply(p -> {
                int code = p.exitValue();
                return new ShardExit(code, code > 128 ? ProcessTree.signalName(code) : null);
            });
        }

        @Override
        public Long pid() {
            return process.pid();
        }

        @Override
        public String pidStartTime() {
            return startTime;
        }

        @Override
        public Long processGroup() {
            return groupId;
        }

        @Override
        public String taskId() {
            return null;
        }

        @Override
        public CompletableFuture<ShardExit> onExit() {
            return exit;
        }

        @Override
        public void terminate() {
            stopper().terminate();
        }

        @Override
        public void kill() {
            stopper().kill();
        }

        @Override
        public boolean alive() {
            return process.isAlive() || (stopper != null && stopper.alive());
        }

        /** The tree snapshot is taken at the first stop request, before any parent dies. */
        private synchronized TreeStopper stopper() {
            if (stopper == null) {
                stopper = new TreeStopper(process.toHandle(), groupId, List.of());
            }
            return stopper;
        }
    }
}
