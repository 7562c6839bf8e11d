package dev.augctl.monitor;

import dev.augctl.monitor.LinePattern.Group;
import dev.augctl.monitor.PatternSet.Kind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * What one shard's log says so far: combos assigned and done, the current combo and how far it
 * got, rows kept, whether the shard completed, the last unresolved error, and when the latest
 * attempt started. Fed line by line by a {@link LogTailer}; counts restart with each attempt.
 */
final class ShardLog implements LineSink {
    private static final int MAX_ERROR = 300;

    private final List<LinePattern> timestamp;
    private final List<LinePattern> attempt;
    private final List<LinePattern> assigned;
    private final List<LinePattern> runTotal;
    private final List<LinePattern> comboStart;
    private final List<LinePattern> progress;
    private final List<LinePattern> comboDone;
    private final List<LinePattern> complete;
    private final List<LinePattern> error;
    private final ZoneId zone;
    private final LineText text = new LineText();
    /** Lines that look like progress, not yet run through the regexes. */
    private final byte[][] deferred = new byte[64][];
    private final int[] deferredLen = new int[64];
    private int deferredCount;

    private Integer combosTotal;
    /** The run's combos, logged by a shard of the dynamic schedule (which has none assigned). */
    private Integer combosInRun;
    private int combosDone;
    private String current;
    private double fraction;
    private long rows;
    private boolean completed;
    private String lastError;
    private Instant attemptStart;
    private Instant endedAt;
    private boolean attemptHasAssigned;
    /** When the attempt's first combo started: the rate of progress is measured from there. */
    private Instant workStart;
    private int attempts;
    /**
     * The attempt's latest finished combos ({@link #FINISHED_KEPT} at most), timed from their start and
     * done lines: the ETA's rates come from them, and a refresh costs the same whatever the log's length
     * (the counts of combos and rows are kept apart and stay exact).
     */
    private final java.util.ArrayDeque<ComboRun> finished = new java.util.ArrayDeque<>();
    static final int FINISHED_KEPT = 1_000;
    /** When the current combo started, and its rows to do (the progress lines' total), when logged. */
    private Instant currentStart;
    private Long currentRows;
    /** The combos the assignment line lists, in order (none when it does not list them). */
    private List<String> assignedNames = List.of();
    private byte[] lineBuf;
    private int lineOff;
    private int lineLen;

    ShardLog(PatternSet patterns, ZoneId zone) {
        this.timestamp = patterns.get(Kind.TIMESTAMP);
        this.attempt = patterns.get(Kind.ATTEMPT);
        this.assigned = patterns.get(Kind.ASSIGNED);
        this.runTotal = patterns.get(Kind.RUN_TOTAL);
        this.comboStart = patterns.get(Kind.COMBO_START);
        this.progress = patterns.get(Kind.PROGRESS);
        this.comboDone = patterns.get(Kind.COMBO_DONE);
        this.complete = patterns.get(Kind.SHARD_COMPLETE);
        this.error = patterns.get(Kind.ERROR);
        this.zone = zone;
    }

    @Override
    public void line(byte[] buf, int off, int len) {
        boolean maybeProgress = mayBeProgress(buf, off, len);
        if (maybeProgress && attemptStart != null) {
            defer(buf, off, len);
            return;
        }
        resolveDeferred();
        classify(buf, off, len, maybeProgress);
    }

    /**
     * Runs the kinds' regexes on one line, most frequent kinds first: the first kind whose regex
     * matches decides. {@code withProgress} false skips progress (already tried).
     */
    private void classify(byte[] buf, int off, int len, boolean withProgress) {
        lineBuf = buf;
        lineOff = off;
        lineLen = len;
        text.set(buf, off, len);
        if (attemptStart == null) {
            attemptStart = timestamp(); // the first timestamp of an attempt is when it started
        }
        LinePattern m;
        if (withProgress && (m = match(progress)) != null) {
            onProgress(m);
        } else if ((m = match(comboStart)) != null) {
            onStart(m);
        } else if ((m = match(comboDone)) != null) {
            onDone(m);
        } else if ((m = match(assigned)) != null) {
            onAssigned(m);
        } else if ((m = match(runTotal)) != null) {
            onRunTotal(m);
        } else if (match(complete) != null) {
            completed = true;
            current = null;
            fraction = 0;
            endedAt = timestamp();
        } else if ((m = match(error)) != null) {
            onError(m);
        } else if ((m = match(attempt)) != null) {
            newAttempt();
            String ts = m.group(Group.TS); // the launcher's separator may say when it started the attempt
            attemptStart = ts == null ? null : Timestamps.parse(ts, zone);
        }
    }

    private boolean mayBeProgress(byte[] buf, int off, int len) {
        for (int i = 0, n = progress.size(); i < n; i++) {
            if (progress.get(i).mayMatch(buf, off, len)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Keeps a line that looks like progress for later. Of a run of progress lines only the last
     * one that matches counts, so the regexes run on the newest lines first and, usually, once
     * per run instead of once per line.
     */
    private void defer(byte[] buf, int off, int len) {
        byte[] slot = deferred[deferredCount];
        if (slot == null || slot.length < len) {
            slot = new byte[Math.max(len, 128)];
            deferred[deferredCount] = slot;
        }
        System.arraycopy(buf, off, slot, 0, len);
        deferredLen[deferredCount++] = len;
        if (deferredCount == deferred.length) {
            resolveDeferred();
        }
    }

    /**
     * Applies the newest deferred line that matches a progress regex; the deferred lines after it
     * (which are not progress) are classified in order as any other line. Deferred lines before it
     * are superseded and skipped.
     */
    private void resolveDeferred() {
        int n = deferredCount;
        if (n == 0) {
            return;
        }
        deferredCount = 0;
        int j = n - 1;
        LinePattern m = null;
        for (; j >= 0; j--) {
            lineBuf = deferred[j];
            lineOff = 0;
            lineLen = deferredLen[j];
            text.set(lineBuf, 0, lineLen);
            if ((m = match(progress)) != null) {
                break;
            }
        }
        if (m != null) {
            onProgress(m);
        }
        for (int k = j + 1; k < n; k++) {
            classify(deferred[k], 0, deferredLen[k], false);
        }
    }

    private LinePattern match(List<LinePattern> list) {
        for (int i = 0, n = list.size(); i < n; i++) {
            LinePattern p = list.get(i);
            if (p.matches(lineBuf, lineOff, lineLen, text)) {
                return p;
            }
        }
        return null;
    }

    private void onProgress(LinePattern m) {
        double f = Double.NaN;
        double done = number(m, Group.DONE);
        double total = number(m, Group.TOTAL);
        if (!Double.isNaN(done) && total > 0) {
            f = done / total;
        }
        if (Double.isNaN(f)) {
            f = number(m, Group.PERCENT) / 100.0;
        }
        if (!Double.isNaN(f)) {
            fraction = Math.max(0, Math.min(1, f));
        }
        if (total > 0) {
            currentRows = (long) total;
        }
        lastError = null;
    }

    private void onStart(LinePattern m) {
        currentStart = timestamp();
        if (workStart == null) {
            workStart = currentStart; // the first combo's start: what came before is start-up
        }
        currentRows = null;
        current = m.group(Group.NAME);
        fraction = 0;
        lastError = null;
        double index = number(m, Group.INDEX);
        if (index > 0) {
            combosDone = Math.max(combosDone, (int) index - 1);
        }
        double total = number(m, Group.TOTAL);
        if (combosTotal == null && total >= 0) {
            combosTotal = (int) total;
        }
    }

    private void onDone(LinePattern m) {
        double index = number(m, Group.INDEX);
        combosDone = index > 0 ? Math.max(combosDone, (int) index) : combosDone + 1;
        double r = number(m, Group.ROWS);
        rows += Double.isNaN(r) ? 0 : (long) r;
        String name = current != null ? current : m.group(Group.NAME);
        Instant end = timestamp();
        if (name != null) {
            finished.addLast(new ComboRun(name, currentStart, currentStart == null || end == null || end.isBefore(currentStart)
                    ? null : java.time.Duration.between(currentStart, end).toMillis() / 1000.0, currentRows));
            if (finished.size() > FINISHED_KEPT) {
                finished.removeFirst();
            }
        }
        currentStart = null;
        currentRows = null;
        current = null;
        fraction = 0;
        lastError = null;
    }

    private void onAssigned(LinePattern m) {
        if (attemptHasAssigned) {
            // a second assignment without a separator: the worker was started again
            newAttempt();
            attemptStart = timestamp();
        }
        attemptHasAssigned = true;
        double total = number(m, Group.TOTAL);
        combosTotal = Double.isNaN(total) ? null : (int) total;
        assignedNames = names(text.toString(m.matcher().end(), text.length()), combosTotal);
        lastError = null;
    }

    /**
     * The combos an assignment line lists after its match ({@code ...: assigned 3 combos: a, b, c}),
     * when it lists exactly {@code total} of them; else none.
     */
    private static List<String> names(String rest, Integer total) {
        String list = rest.strip();
        if (total == null || total == 0 || !list.startsWith(":")) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        for (String n : list.substring(1).split(",")) {
            if (!n.isBlank()) {
                out.add(n.strip());
            }
        }
        return out.size() == total ? List.copyOf(out) : List.of();
    }

    private void onRunTotal(LinePattern m) {
        if (attemptHasAssigned) {
            newAttempt(); // the worker was started again
        }
        if (attemptStart == null) {
            attemptStart = timestamp();
        }
        attemptHasAssigned = true;
        double total = number(m, Group.TOTAL);
        combosInRun = Double.isNaN(total) ? null : (int) total;
        lastError = null;
    }

    private void onError(LinePattern m) {
        String msg = m.group(Group.MESSAGE);
        msg = (msg != null ? msg : text.toString()).strip();
        lastError = msg.length() > MAX_ERROR ? msg.substring(0, MAX_ERROR - 1) + "…" : msg;
        endedAt = timestamp();
    }

    private void newAttempt() {
        attempts++;
        combosTotal = null;
        combosDone = 0;
        current = null;
        fraction = 0;
        rows = 0;
        completed = false;
        lastError = null;
        endedAt = null;
        attemptStart = null;
        workStart = null;
        attemptHasAssigned = false;
        finished.clear();
        currentStart = null;
        currentRows = null;
        assignedNames = List.of();
    }

    @Override
    public void reset() {
        deferredCount = 0;
        newAttempt();
        attempts = 0;
    }

    private Instant timestamp() {
        LinePattern m = match(timestamp);
        String ts = m == null ? null : m.group(Group.TS);
        return ts == null ? null : Timestamps.parse(ts, zone);
    }

    /** The number in group {@code g} of the last match, NaN when absent. */
    private double number(LinePattern m, Group g) {
        int start = m.start(g);
        return start < 0 ? Double.NaN : Numbers.parse(text, start, m.end(g));
    }

    /** A snapshot of what the log says. */
    LogFacts facts() {
        resolveDeferred();
        return new LogFacts(combosTotal, combosDone, current, fraction, rows, completed, lastError,
                attemptStart, workStart, endedAt, attempts, combosInRun, List.copyOf(finished),
                current == null ? null : currentStart, current == null ? null : currentRows, assignedNames);
    }
}
