package dev.augctl.launch;

import dev.augctl.common.ProcessTree;
import dev.augctl.run.RunState;
import dev.augctl.run.ShardRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shard processes still running from an earlier launcher, found from run.json by pid AND start
 * time (never pid alone), plus members of the session a shard led once its own pid is gone, plus
 * every process that carries the launch's mark in its environment ({@link RunTag}): grandchildren
 * that left the session, and shards started just before the launcher died.
 */
public final class Leftovers {
    /** One shard's surviving processes: the worker itself (if alive), the rest of its session and what carries its mark. */
    public record Leftover(ShardRecord record, ProcessHandle worker, List<ProcessHandle> others) {
        /** "shard 2 (pid 123)" or "shard 2 (pids 124, 125 of its session)". */
        public String describe() {
            return "shard " + record.index + " (" + processes() + ")";
        }

        /** "pid 123" or "pids 124, 125 it started". */
        public String processes() {
            if (worker != null) {
                return "pid " + worker.pid();
            }
            List<String> pids = others.stream().map(p -> Long.toString(p.pid())).toList();
            return "pid" + (pids.size() > 1 ? "s " : " ") + String.join(", ", pids) + " it started";
        }
    }

    private Leftovers() {
    }

    /** The shards of {@code state} with processes still running. */
    public static List<Leftover> find(RunState state) {
        Map<Integer, List<ProcessHandle>> tagged = new HashMap<>();
        // Slurm tasks are the scheduler's to stop (scancel); only local runs are searched by their mark.
        List<RunTag.Tagged> marked = "local".equals(state.executor) ? RunTag.find(state.runId) : List.of();
        for (RunTag.Tagged t : marked) {
            tagged.computeIfAbsent(t.shard(), k -> new ArrayList<>()).add(t.process());
        }
        List<Leftover> found = new ArrayList<>();
        for (ShardRecord r : state.shards) {
            Optional<ProcessHandle> worker = ProcessTree.find(r.pid, r.pidStartTime);
            List<ProcessHandle> others = new ArrayList<>();
            // The session is searched only for a shard still recorded as running: its launcher died
            // without seeing it end, so its children may have outlived it.
            if (worker.isEmpty() && r.processGroup != null && r.state == dev.augctl.run.ShardState.RUNNING) {
                others.addAll(ProcessTree.sessionMembers(r.processGroup));
            }
            for (ProcessHandle p : tagged.getOrDefault(r.index, List.of())) {
                boolean known = worker.map(w -> w.pid() == p.pid()).orElse(false)
                        || others.stream().anyMatch(o -> o.pid() == p.pid());
                if (!known) {
                    others.add(p);
                }
            }
            if (worker.isPresent() || !others.isEmpty()) {
                found.add(new Leftover(r, worker.orElse(null), others));
            }
        }
        return found;
    }
}
