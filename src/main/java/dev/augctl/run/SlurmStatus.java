package dev.augctl.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * How the tasks of a Slurm run are doing, read from what needs no accounting database: the status
 * file each task writes when its worker ends ({@code <log_dir>/slurm_status/shard_{i}.exit}) and,
 * optionally, {@code squeue}, which keeps ended tasks for the cluster's MinJobAge. Used by the waiting
 * launcher, by {@code augctl stop} and {@code launch --retry-failed} after {@code --no-wait}, and by monitor.
 */
public final class SlurmStatus {
    /** The folder of the status files, inside the log directory. */
    public static final String STATUS_DIR = "slurm_status";
    private static final Set<String> ACTIVE = Set.of("PENDING", "CONFIGURING", "RUNNING", "COMPLETING",
            "SUSPENDED", "REQUEUED", "REQUEUE_FED", "REQUEUE_HOLD", "RESIZING", "SIGNALING", "STAGE_OUT", "STOPPED");

    private SlurmStatus() {
    }

    /** What a task wrote when its worker ended: {@code exit_code=3 task_id=12_2 ended_at=...}. */
    public record TaskExit(int exitCode, String taskId, String endedAt) {
        public boolean succeeded() {
            return exitCode == 0;
        }
    }

    /** One array task as squeue shows it. {@code exitCode} is decoded: 128+n for a death by signal n. */
    public record QueuedTask(String taskId, int index, String state, String reason, int exitCode) {
        /** Pending, running, or still being cleaned up: the task is not over. */
        public boolean active() {
            return ACTIVE.contains(state);
        }

        public boolean pending() {
            return state.equals("PENDING") || state.startsWith("REQUEUE");
        }

        /** "pending (Resources)", "running", "completed", "cancelled", ... for display. */
        public String describe() {
            String s = state.toLowerCase(java.util.Locale.ROOT);
            return pending() && reason != null && !reason.isBlank() && !reason.equals("None") ? s + " (" + reason + ")" : s;
        }
    }

    public static Path statusDir(Path logDir) {
        return logDir.resolve(STATUS_DIR);
    }

    /** {@code <log_dir>/slurm_status/shard_{i}.start}: written by a task when it begins. */
    public static Path startFile(Path logDir, int index) {
        return statusDir(logDir).resolve("shard_" + index + ".start");
    }

    /** {@code <log_dir>/slurm_status/shard_{i}.exit}. */
    public static Path statusFile(Path logDir, int index) {
        return statusDir(logDir).resolve("shard_" + index + ".exit");
    }

    /** The job id of a task id ("12_3" gives "12"). */
    public static String jobOf(String taskId) {
        int u = taskId.indexOf('_');
        return u < 0 ? taskId : taskId.substring(0, u);
    }

    /**
     * The status file of shard {@code index}, if it exists and was written by task {@code taskId}
     * (a file left by an earlier attempt names another task and is ignored); any task when taskId is null.
     */
    public static Optional<TaskExit> readExit(Path logDir, int index, String taskId) {
        Map<String, String> fields = readFields(statusFile(logDir, index));
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        try {
            TaskExit exit = new TaskExit(Integer.parseInt(fields.get("exit_code")), fields.get("task_id"), fields.get("ended_at"));
            return taskId == null || taskId.equals(exit.taskId()) ? Optional.of(exit) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // not ours or not complete (the script writes it atomically)
        }
    }

    /**
     * When task {@code taskId} of shard {@code index} began, as its start file says, if it exists and
     * was written by that task (a file of an earlier attempt names another task).
     */
    public static Optional<java.time.Instant> readStart(Path logDir, int index, String taskId) {
        Map<String, String> fields = readFields(startFile(logDir, index));
        if (!taskId.equals(fields.get("task_id"))) {
            return Optional.empty();
        }
        return parseInstant(fields.get("started_at"));
    }

    /** An instant written by a task's {@code date -u +%Y-%m-%dT%H:%M:%S.%3NZ}, or empty. */
    public static Optional<java.time.Instant> parseInstant(String text) {
        try {
            return text == null ? Optional.empty() : Optional.of(java.time.Instant.parse(text));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** The {@code key=value} words of a small status file; empty when it cannot be read. */
    private static Map<String, String> readFields(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, String> fields = new HashMap<>();
        for (String word : text.trim().split("\\s+")) {
            int eq = word.indexOf('=');
            if (eq > 0) {
                fields.put(word.substring(0, eq), word.substring(eq + 1));
            }
        }
        return fields;
    }

    /**
     * Every task of job {@code jobId} that squeue knows, by shard index (array task id), ended tasks
     * included while slurmctld keeps them. An empty map when the job is unknown (long gone); empty
     * when squeue cannot answer (not installed, controller unreachable).
     */
    public static Optional<Map<Integer, QueuedTask>> squeue(String jobId) {
        List<String> cmd = List.of("squeue", "--noheader", "--array", "--states=all", "--jobs=" + jobId,
                "--Format=JobArrayID:|,State:|,Reason:|,exit_code:|");
        String output;
        int rc;
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            p.getOutputStream().close();
            byte[] bytes = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            output = new String(bytes, StandardCharsets.UTF_8);
            rc = p.exitValue();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
        if (rc != 0) {
            return output.contains("Invalid job id") ? Optional.of(Map.of()) : Optional.empty();
        }
        Map<Integer, QueuedTask> tasks = new HashMap<>();
        for (String line : output.split("\n")) {
            String[] f = line.split("\\|", -1);
            if (f.length < 4 || !f[0].trim().startsWith(jobId + "_")) {
                continue;
            }
            String id = f[0].trim();
            try {
                int index = Integer.parseInt(id.substring(jobId.length() + 1));
                tasks.put(index, new QueuedTask(id, index, f[1].trim(), f[2].trim(), decode(f[3].trim())));
            } catch (NumberFormatException e) {
                // a pending range like 12_[3-6] (squeue --array should have split it): skip
            }
        }
        return Optional.of(tasks);
    }

    /** squeue reports the raw wait status: exit status in the high byte, a signal in the low bits. */
    static int decode(String raw) {
        try {
            int status = Integer.parseInt(raw);
            int signal = status & 0x7f;
            return signal != 0 ? 128 + signal : (status >> 8) & 0xff;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Brings the shard records of a Slurm {@code state} up to date (in memory) for shards not yet
     * ended: from their status files, then, with {@code askSqueue}, from squeue (pending, running,
     * or ended without a status file, for example cancelled while pending). Returns the task ids
     * still pending or running. When nothing is active any more and the run was left {@code running}
     * (a launch with --no-wait), the overall state becomes succeeded, failed or interrupted.
     */
    public static List<String> refresh(RunState state, Path logDir, boolean askSqueue) {
        Set<String> jobs = new LinkedHashSet<>();
        for (ShardRecord r : state.shards) {
            if (!r.state.ended() && r.taskId != null) {
                jobs.add(jobOf(r.taskId));
            }
        }
        Map<String, Optional<Map<Integer, QueuedTask>>> queues = new HashMap<>();
        if (askSqueue) {
            jobs.forEach(j -> queues.put(j, squeue(j)));
        }
        List<String> active = new java.util.ArrayList<>();
        String now = Instant.now().toString();
        for (ShardRecord r : state.shards) {
            if (r.state.ended() || r.taskId == null) {
                continue;
            }
            if (r.startedAt == null) {
                readStart(logDir, r.index, r.taskId).ifPresent(t -> r.startedAt = t.toString());
            }
            Optional<TaskExit> exit = readExit(logDir, r.index, r.taskId);
            if (exit.isPresent()) {
                r.state = exit.get().succeeded() ? ShardState.SUCCEEDED : ShardState.FAILED;
                r.exitCode = exit.get().exitCode();
                r.endedAt = exit.get().endedAt() != null ? exit.get().endedAt() : now;
                continue;
            }
            Optional<Map<Integer, QueuedTask>> queue = queues.getOrDefault(jobOf(r.taskId), Optional.empty());
            if (queue.isEmpty()) {
                active.add(r.taskId); // nothing says it ended: count it as still there
                continue;
            }
            QueuedTask q = queue.get().get(r.index);
            if (q != null && q.taskId().equals(r.taskId) && q.active()) {
                r.state = q.pending() ? ShardState.PENDING : ShardState.RUNNING;
                active.add(r.taskId);
            } else {
                // Ended with no status file: cancelled, timed out, killed, or gone from squeue.
                r.state = q != null && q.state().equals("CANCELLED") ? ShardState.INTERRUPTED : ShardState.FAILED;
                r.exitCode = q != null && q.exitCode() != 0 ? q.exitCode() : null;
                r.signal = q != null ? q.state() : null;
                r.endedAt = now;
                r.message = q != null ? "Slurm: " + q.describe() + ", no status file" : "no status file and no longer in squeue";
            }
        }
        if (active.isEmpty() && "running".equals(state.state)) {
            boolean interrupted = state.shards.stream().anyMatch(r -> r.state == ShardState.INTERRUPTED);
            boolean ok = state.shards.stream().allMatch(r -> r.state == ShardState.SUCCEEDED || r.taskId == null);
            state.state = interrupted ? "interrupted" : ok ? "succeeded" : "failed";
            state.endedAt = now;
        }
        return active;
    }
}
