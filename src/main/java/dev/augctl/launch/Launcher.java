package dev.augctl.launch;

import dev.augctl.common.AugctlException;
import dev.augctl.common.ExitCode;
import dev.augctl.common.Pause;
import dev.augctl.common.ShardPaths;
import dev.augctl.run.RunState;
import dev.augctl.run.ShardRecord;
import dev.augctl.run.ShardState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * Runs the shards of one launch on any {@link ShardExecutor}: at most J at once in index order,
 * retries, run.json on every change, one line per event, SIGINT/SIGTERM handling, the summary.
 */
public final class Launcher {
    private static final Object SIGNALLED = new Object();
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final LaunchSettings settings;
    private final WorkerTemplate template;
    private final ShardExecutor executor;
    private final PrintWriter out;
    private final PrintWriter err;
    private final IntSupplier afterSuccess;
    private LaunchListener listener = LaunchListener.NONE;

    private final LinkedBlockingQueue<Object> events = new LinkedBlockingQueue<>();
    private final Map<Integer, RunningShard> running = new ConcurrentHashMap<>();
    private final Map<Integer, Integer> attemptsHere = new HashMap<>();
    private volatile String stopSignal;
    private volatile boolean hurry;
    private volatile boolean finished;
    private boolean detached;
    /** Every shard succeeded: {@link #afterSuccess} runs once the locks are released. */
    private boolean succeeded;
    private RunBook book;
    private ShardPlan plan;
    private ShardOrder order;
    private Instant launchedAt;

    /** One attempt's end, delivered on the launcher's thread. */
    private record Exited(int index, RunningShard shard, ShardExit exit, Throwable error) {
    }

    /** A queued attempt that began to run (a scheduler's task leaving its queue). */
    private record Began(int index, RunningShard shard) {
    }

    /**
     * @param afterSuccess run when every shard succeeded (merge), returning an exit code; or null
     */
    public Launcher(LaunchSettings settings, WorkerTemplate template, ShardExecutor executor,
                    PrintWriter out, PrintWriter err, IntSupplier afterSuccess) {
        this.settings = settings;
        this.template = template;
        this.executor = executor;
        this.out = out;
        this.err = err;
        this.afterSuccess = afterSuccess;
    }

    /** Who is told of the run's events (notifications); by default nobody. */
    public Launcher listener(LaunchListener l) {
        this.listener = l;
        return this;
    }

    /** Runs the launch to its end and returns the exit code (0, 1, 130 or 143). */
    @SuppressWarnings("try") // the lock is held for the whole block
    public int run() throws IOException {
        Files.createDirectories(settings.logDir);
        Files.createDirectories(settings.cacheDir);
        int code;
        try (LaunchLock lock = LaunchLock.acquire(settings.logDir, settings.config.outputRoot, settings.cacheDir)) {
            Path runFile = ShardPaths.runState(settings.logDir);
            Optional<RunState> previous;
            try {
                previous = RunState.read(runFile);
            } catch (AugctlException unreadable) {
                refuseMarkedProcesses(); // running shards matter more than the file
                throw unreadable;
            }
            previous.ifPresent(this::refuseLeftovers);
            refuseMarkedProcesses(); // found by their mark even when run.json is gone
            String runId = continuedRun(previous).orElseGet(RunTag::newRunId);
            plan = ShardPlan.of(settings, template, previous, runId);
            ClassDataArchive.forLaunch(settings, template, executor.name()).ifPresent(plan::useClassDataArchive);
            if (plan.toRun().isEmpty()) {
                out.println("nothing to run: " + runFile + " records no failed or interrupted shard");
                out.flush();
                return ExitCode.OK;
            }
            plan.retryDifference().ifPresent(this::note);
            settings.beforeShards.run();
            order = ShardOrder.of(settings, template, plan.toRun(), this::warn);
            launchedAt = Instant.now();
            lock.record(runId, lock.runStarted(runId).orElseGet(Instant::now));
            book = new RunBook(runFile, RunRecords.newState(settings, plan, executor.name(), previous), err);
            book.update(s -> { });
            if (settings.dynamic(template)) {
                resetManifests();
            }
            tell(LaunchListener.Kind.STARTED, null, null, null, null);
            code = runShards();
        }
        if (!succeeded) {
            return code;
        }
        // After the locks are released: merge takes the output root's lock itself.
        int result = afterSuccess != null ? afterSuccess.getAsInt() : code;
        tell(LaunchListener.Kind.FINISHED, null, null, "succeeded", result); // with the merge's outcome
        return result;
    }

    /**
     * The run id of the run this launch continues: with --retry-failed or --shards (and the same N) it
     * completes the run recorded in run.json, whose other shards' manifests stay valid, so its shards
     * carry that run's id; any other launch is a new run.
     */
    private Optional<String> continuedRun(Optional<RunState> previous) {
        return previous.filter(p -> (settings.retryFailed || settings.shards != null)
                && p.numShards == settings.numShards && p.runId != null && !p.runId.isBlank()).map(p -> p.runId);
    }

    @SuppressWarnings("try") // the trap is installed for the whole block
    private int runShards() {
        out.println(time() + " launch: " + plan.toRun().size() + " of " + settings.numShards + " shards, at most "
                + settings.jobs + " at once, executor " + executor.name() + ", " + plan.threads()
                + " thread(s) per shard, logs in " + settings.logDir);
        plan.gpuNote().ifPresent(note -> out.println(time() + " " + note));
        if (settings.dynamic(template)) {
            out.println(time() + " schedule: dynamic (shards claim combos one at a time, longest estimated first)");
        }
        if (plan.toRun().size() > settings.jobs || !order.estimates().isEmpty()) {
            out.println(time() + " order: " + order.why() + (order.estimates().isEmpty() ? "" : ": " + String.join(", ",
                    order.order().stream().map(i -> i + " " + order.estimate(i)).toList())));
        }
        out.flush();
        Thread safetyNet = new Thread(this::lastResort, "augctl-launch-shutdown");
        Runtime.getRuntime().addShutdownHook(safetyNet);
        Deque<Integer> queue = new ArrayDeque<>(order.order());
        try (SignalTrap trap = SignalTrap.install(this::onSignal)) {
            loop(queue);
            if (stopSignal != null) {
                stopAll();
                for (int index : queue) {
                    markNotStarted(index);
                }
            }
        } finally {
            finished = true;
            try {
                Runtime.getRuntime().removeShutdownHook(safetyNet);
            } catch (IllegalStateException e) {
                // the JVM is already shutting down
            }
        }
        return finish();
    }

    private void loop(Deque<Integer> queue) {
        while (stopSignal == null && (!queue.isEmpty() || !running.isEmpty())) {
            if (executor instanceof BatchExecutor batch) {
                boolean submitted = stopSignal == null && !queue.isEmpty() && submit(batch, queue); // the scheduler applies --jobs
                if (settings.noWait && submitted) {
                    detached = true;
                    return;
                }
            } else {
                while (stopSignal == null && running.size() < settings.jobs && !queue.isEmpty()) {
                    start(queue.poll());
                }
            }
            if (running.isEmpty() && queue.isEmpty()) {
                break;
            }
            Object event;
            try {
                event = events.poll(1, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                onSignal("SIGINT");
                break;
            }
            // Handle everything already delivered before submitting again: failures seen by one
            // scheduler poll are resubmitted together.
            while (event != null) {
                if (event instanceof Exited ended) {
                    onExited(ended, queue);
                } else if (event instanceof Began began) {
                    onBegan(began);
                }
                event = events.poll();
            }
        }
    }

    private void start(int index) {
        ShardSpec spec = plan.spec(index);
        int attempt = record(index).attempts + 1;
        attemptsHere.merge(index, 1, Integer::sum);
        Instant now = Instant.now();
        RunningShard shard;
        try {
            ShardLog.writeSeparator(spec, attempt, now);
            shard = executor.start(spec);
        } catch (IOException | RuntimeException e) {
            book.update(s -> {
                ShardRecord r = record(index);
                RunRecords.begin(r, spec, attempt, now);
                RunRecords.end(r, ShardState.FAILED, null, now, "could not start: " + e.getMessage());
            });
            say(spec.label() + " failed to start: " + e.getMessage());
            tell(LaunchListener.Kind.SHARD_FAILED, index, attempt, "could not start: " + e.getMessage(), null);
            return;
        }
        running.put(index, shard);
        book.update(s -> {
            ShardRecord r = record(index);
            RunRecords.begin(r, spec, attempt, now);
            r.pid = shard.pid();
            r.pidStartTime = shard.pidStartTime();
            r.processGroup = shard.processGroup();
            r.taskId = shard.taskId();
        });
        say(spec.label() + " started: " + (shard.pid() != null ? "pid " + shard.pid() : "task " + shard.taskId())
                + " (attempt " + attempt + ")");
        track(index, shard);
    }

    /** Hands every queued shard to a batch executor in one submission; each is pending until it runs. */
    private boolean submit(BatchExecutor batch, Deque<Integer> queue) {
        List<BatchExecutor.Attempt> attempts = new java.util.ArrayList<>();
        while (!queue.isEmpty()) {
            int index = queue.poll();
            attemptsHere.merge(index, 1, Integer::sum);
            attempts.add(new BatchExecutor.Attempt(plan.spec(index), record(index).attempts + 1));
        }
        Instant now = Instant.now();
        BatchExecutor.Submission submission;
        try {
            submission = batch.submit(attempts, settings.jobs);
        } catch (IOException | RuntimeException e) {
            for (BatchExecutor.Attempt a : attempts) {
                book.update(s -> {
                    ShardRecord r = record(a.spec().index());
                    RunRecords.begin(r, a.spec(), a.number(), now);
                    RunRecords.end(r, ShardState.FAILED, null, now, "could not submit: " + e.getMessage());
                });
            }
            say("could not submit " + attempts.size() + " shard(s): " + e.getMessage());
            return false;
        }
        book.update(s -> {
            s.jobId = submission.jobId();
            for (int i = 0; i < attempts.size(); i++) {
                BatchExecutor.Attempt a = attempts.get(i);
                ShardRecord r = record(a.spec().index());
                RunRecords.begin(r, a.spec(), a.number(), now);
                r.state = ShardState.PENDING;
                r.startedAt = null;
                r.taskId = submission.shards().get(i).taskId();
                r.message = "queued as task " + r.taskId + " of job " + submission.jobId();
            }
        });
        say("submitted " + attempts.size() + " shard(s) as job " + submission.jobId() + ": " + submission.command());
        for (int i = 0; i < attempts.size(); i++) {
            int index = attempts.get(i).spec().index();
            running.put(index, submission.shards().get(i));
            track(index, submission.shards().get(i));
        }
        return true;
    }

    private void track(int index, RunningShard shard) {
        if (!shard.onRunning().isDone()) {
            shard.onRunning().thenRun(() -> events.add(new Began(index, shard)));
        }
        shard.onExit().whenComplete((exit, error) -> events.add(new Exited(index, shard, exit, error)));
    }

    private void onBegan(Began b) {
        ShardRecord r = record(b.index());
        if (running.get(b.index()) != b.shard() || r.state != ShardState.PENDING) {
            return;
        }
        Instant began = b.shard().startedAt() != null ? b.shard().startedAt() : Instant.now();
        book.update(s -> {
            r.state = ShardState.RUNNING;
            r.startedAt = began.toString();
            r.message = null;
        });
        say("shard " + b.index() + "/" + settings.numShards + " running: task " + b.shard().taskId()
                + " (attempt " + r.attempts + ")");
    }

    private void onExited(Exited e, Deque<Integer> queue) {
        if (running.get(e.index()) != e.shard()) {
            return;
        }
        running.remove(e.index());
        plan.ended(e.index(), e.exit() != null && e.exit().succeeded());
        Instant now = e.exit() != null && e.exit().endedAt() != null ? e.exit().endedAt() : Instant.now();
        ShardRecord r = record(e.index());
        String label = "shard " + e.index() + "/" + settings.numShards;
        String took = r.startedAt == null ? "0.0s" : Summary.format(java.time.Duration.between(Instant.parse(r.startedAt), now));
        if (e.exit() != null && e.exit().succeeded()) {
            book.update(s -> RunRecords.end(r, ShardState.SUCCEEDED, e.exit(), now, null));
            say(label + " succeeded: exit 0 after " + took);
            return;
        }
        String how = e.exit() != null ? e.exit().describe() : "lost: " + e.error();
        int retriesUsed = attemptsHere.get(e.index()) - 1;
        boolean badInput = e.exit() != null && e.exit().badInput();
        if (retriesUsed < settings.maxRetries && !badInput) {
            book.update(s -> RunRecords.end(r, ShardState.PENDING, e.exit(), now,
                    "attempt " + r.attempts + " failed (" + how + "); retry scheduled"));
            queue.addFirst(e.index());
            say(label + " failed: " + how + " after " + took + "; retry " + (retriesUsed + 1) + " of "
                    + settings.maxRetries + " scheduled");
            tell(LaunchListener.Kind.SHARD_RETRIED, e.index(), r.attempts, how + "; retry " + (retriesUsed + 1)
                    + " of " + settings.maxRetries, null);
        } else {
            book.update(s -> RunRecords.end(r, ShardState.FAILED, e.exit(), now, null));
            say(label + " failed: " + how + " after " + took + " (attempt " + r.attempts + ")"
                    + (badInput && retriesUsed < settings.maxRetries ? "; not retried: exit 2 means bad input (see its log)" : ""));
            tell(LaunchListener.Kind.SHARD_FAILED, e.index(), r.attempts, how + " after " + took, null);
        }
    }

    /** SIGTERM to every running shard's tree, SIGKILL after the grace period, then record them. */
    private void stopAll() {
        String signal = stopSignal;
        book.update(s -> s.signal = signal);
        long graceMs = settings.gracePeriod.toMillis();
        say(signal + " received: starting nothing new; stopping " + running.size() + " running shard(s) (SIGTERM, "
                + "SIGKILL after " + Summary.format(settings.gracePeriod) + ")");
        Map<Integer, RunningShard> stopping = new HashMap<>(running);
        stopping.values().forEach(RunningShard::terminate);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(graceMs);
        while (!hurry && System.nanoTime() < deadline && stopping.values().stream().anyMatch(RunningShard::alive)) {
            Pause.millis(50);
        }
        Map<Integer, Boolean> killed = new HashMap<>();
        stopping.forEach((index, shard) -> {
            boolean alive = shard.alive();
            killed.put(index, alive);
            if (alive) {
                shard.kill();
            }
        });
        awaitEnd(stopping.values());
        stopStrays();
        Instant now = Instant.now();
        stopping.forEach((index, shard) -> {
            ShardExit exit = shard.onExit().getNow(null);
            // One wording for the stop, in run.json, this line and the monitor
            String reason = "stopped by " + signal + ": " + (killed.get(index) ? "SIGKILL after the grace period" : "ended after SIGTERM");
            book.update(s -> RunRecords.end(record(index), ShardState.INTERRUPTED, exit, now, reason));
            say("shard " + index + "/" + settings.numShards + " interrupted: " + reason);
        });
        running.clear();
    }

    /** Ends the processes of this launch that outlived their shard's tree (local shards; a scheduler stops its own tasks). */
    private void stopStrays() {
        if (!(executor instanceof BatchExecutor)) {
            RunTag.stop(plan.runId(), settings.gracePeriod, () -> hurry, this::say);
        }
    }

    /** Names the processes the shards left running after a run that ended by itself. */
    private void warnOfStrays() {
        if (!(executor instanceof BatchExecutor)) {
            RunTag.stillRunning(plan.runId()).ifPresent(what -> {
                err.println("augctl: warning: " + what + " still running after its shard ended; 'augctl stop"
                        + (settings.configFile != null ? " --config " + settings.configFile : "") + "' ends them");
                err.flush();
            });
        }
    }

    /** Waits (bounded) until each shard's process has been reaped and its tree is gone, re-killing stragglers. */
    private static void awaitEnd(Iterable<RunningShard> shards) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (RunningShard shard : shards) {
            while (System.nanoTime() < deadline && (!shard.onExit().isDone() || shard.alive())) {
                shard.kill();
                Pause.millis(50);
            }
        }
    }

    private void markNotStarted(int index) {
        String signal = stopSignal;
        book.update(s -> {
            ShardRecord r = record(index);
            r.state = ShardState.INTERRUPTED;
            r.message = "not started: launch stopped by " + signal;
        });
    }

    private int finish() {
        if (detached) {
            out.println("submitted: job " + book.state().jobId + " runs on its own (--no-wait). Follow it with "
                    + "'augctl monitor --follow' or 'squeue -j " + book.state().jobId + "'; stop it with 'augctl stop'.");
            out.flush();
            return ExitCode.OK;
        }
        if (stopSignal == null) {
            warnOfStrays();
        }
        new HistoryRecorder(settings, template, this::warn).record(book.state(), plan.toRun(), launchedAt);
        List<ShardRecord> ran = plan.toRun().stream().map(this::record).toList();
        boolean allOk = ran.stream().allMatch(r -> r.state == ShardState.SUCCEEDED);
        String overall = stopSignal != null ? "interrupted" : allOk ? "succeeded" : "failed";
        book.update(s -> {
            s.state = overall;
            s.endedAt = Instant.now().toString();
        });
        out.println();
        Summary.print(out, ran);
        if (stopSignal != null) {
            int code = switch (stopSignal) {
                case "SIGTERM" -> ExitCode.SIGTERM;
                case "SIGHUP" -> ExitCode.SIGHUP;
                default -> ExitCode.SIGINT;
            };
            tell(LaunchListener.Kind.INTERRUPTED, null, null, "stopped by " + stopSignal, code);
            return code;
        }
        if (!allOk) {
            tell(LaunchListener.Kind.FINISHED, null, null, overall, ExitCode.FAILED);
            return ExitCode.FAILED;
        }
        succeeded = true; // finished is told by run(), after the merge
        return ExitCode.OK;
    }

    /** Tells the listener; a listener that throws is reported and does not stop the run. */
    private void tell(LaunchListener.Kind kind, Integer shard, Integer attempt, String detail, Integer code) {
        try {
            listener.on(new LaunchListener.Event(kind, book.state(), shard, attempt, detail, code));
        } catch (RuntimeException e) {
            err.println("augctl: warning: " + kind.name().toLowerCase(java.util.Locale.ROOT) + " event: " + e);
            err.flush();
        }
    }

    private void onSignal(String name) {
        if (stopSignal == null) {
            stopSignal = name;
            events.add(SIGNALLED);
        } else {
            hurry = true; // a second signal skips the rest of the grace period
        }
    }

    /** Shutdown hook for exits the trap does not catch (System.exit elsewhere): leave no shard behind. */
    private void lastResort() {
        if (finished || running.isEmpty()) {
            return;
        }
        running.values().forEach(RunningShard::terminate);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Math.min(5, settings.gracePeriod.toSeconds()));
        while (System.nanoTime() < deadline && running.values().stream().anyMatch(RunningShard::alive)) {
            Pause.millis(50);
        }
        running.values().forEach(RunningShard::kill);
    }

    /** Processes of an earlier launch of this log directory, whose launcher died, share its logs, caches and outputs. */
    private void refuseMarkedProcesses() {
        List<RunTag.Tagged> marked = RunTag.findInLogDir(settings.logDir);
        if (!marked.isEmpty()) {
            throw AugctlException.badInput("processes of an earlier launch in " + settings.logDir + " are still running: "
                    + RunTag.describe(marked) + "; end them with 'augctl stop"
                    + (settings.configFile != null ? " --config " + settings.configFile : "") + "'");
        }
    }

    private void refuseLeftovers(RunState previous) {
        List<Leftovers.Leftover> left = Leftovers.find(previous);
        if (!left.isEmpty()) {
            throw AugctlException.badInput("shards of an earlier launcher are still running: "
                    + String.join(", ", left.stream().map(Leftovers.Leftover::describe).toList())
                    + "; end them with 'augctl stop" + (settings.configFile != null ? " --config " + settings.configFile : "") + "'");
        }
    }

    /**
     * Dynamic schedule: the manifests of the shards about to run are emptied first, so that a combo
     * an earlier run listed there is taken over by whichever shard gets to it first (see ComboClaims).
     */
    private void resetManifests() throws IOException {
        for (int index : plan.toRun()) {
            Files.deleteIfExists(ShardPaths.manifest(settings.config.outputRoot, index, settings.numShards));
        }
    }

    private void warn(String message) {
        err.println("augctl: warning: " + message);
        err.flush();
    }

    private void note(String message) {
        err.println("augctl: note: " + message);
        err.flush();
    }

    private ShardRecord record(int index) {
        return book.state().shard(index).orElseThrow();
    }

    private void say(String line) {
        out.println(time() + " " + line);
        out.flush();
    }

    private static String time() {
        return LocalTime.now().format(CLOCK);
    }

}
