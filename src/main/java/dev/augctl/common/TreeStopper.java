package dev.augctl.common;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stops one process tree and leaves nothing behind: it remembers every process it has seen in the
 * tree (taken before parents die, since orphans are reparented and drop out of
 * {@code descendants()}), signals the process group too, and keeps looking for new children
 * while the tree is still alive.
 */
public final class TreeStopper {
    private final ProcessHandle root;
    private final Long groupId;
    private final Map<Long, ProcessHandle> seen = new LinkedHashMap<>();

    /**
     * @param root    the tree's root (may have ended already)
     * @param groupId the process group the tree was started in, or null when it has none of its own
     * @param extra   further members known by other means (for example the root's session)
     */
    public TreeStopper(ProcessHandle root, Long groupId, Collection<ProcessHandle> extra) {
        this.root = root;
        this.groupId = groupId;
        refresh();
        extra.forEach(p -> seen.putIfAbsent(p.pid(), p));
    }

    /** Adds the current descendants of every member still running. */
    public synchronized void refresh() {
        List<ProcessHandle> roots = new ArrayList<>(seen.values());
        if (root != null) {
            roots.add(0, root);
        }
        for (ProcessHandle p : roots) {
            if (ProcessTree.running(p)) {
                for (ProcessHandle member : ProcessTree.snapshot(p)) {
                    seen.putIfAbsent(member.pid(), member);
                }
            }
        }
    }

    /** SIGTERM to the group and to every member: a polite request to end. */
    public void terminate() {
        signal(false);
    }

    /** SIGKILL to the group and to every member still running. */
    public void kill() {
        signal(true);
    }

    /** Whether any member is still running (zombies count as ended). */
    public synchronized boolean alive() {
        refresh();
        return seen.values().stream().anyMatch(ProcessTree::running);
    }

    /** How many processes this tree has had, the root included. */
    public synchronized int size() {
        return seen.size();
    }

    private synchronized void signal(boolean force) {
        refresh();
        if (groupId != null && groupStillOurs()) {
            ProcessTree.signalGroup(groupId, force ? "KILL" : "TERM");
        }
        for (ProcessHandle p : seen.values()) {
            if (ProcessTree.running(p)) {
                if (force) {
                    p.destroyForcibly();
                } else {
                    p.destroy();
                }
            }
        }
    }

    /** The group id is signalled only while one of our members is in it (pids get reused). */
    private boolean groupStillOurs() {
        return seen.values().stream().anyMatch(p -> ProcessTree.running(p)
                && ProcessTree.processGroup(p.pid()).orElse(-1) == groupId);
    }
}
