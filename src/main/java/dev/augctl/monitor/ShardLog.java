package dev.augctl.monitor;

import dev.augctl.monitor.PatternSet.Kind;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.regex.Matcher;

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
    private final List<LinePattern> comboStart;
    private final List<LinePattern> progress;
    private final List<LinePattern> comboDone;
    private final List<LinePattern> complete;
    private final List<LinePattern> error;
    private final ZoneId zone;
    private final LineText text = new LineText();

    private Integer combosTotal;
    private int combosDone;
    private String current;
    private double fraction;
    private long rows;
    private boolean completed;
    private String lastError;
    private Instant attemptStart;
    private Instant endedAt;
    private boolean attemptHasAssigned;
    private int attempts;
    private byte[] lineBuf;
    private int lineOff;
    private int lineLen;
    /** The pattern that matched last (tells which optional groups the matcher has). */
    private LinePattern matched;

    ShardLog(PatternSet patterns, ZoneId zone) {
        this.timestamp = patterns.get(Kind.TIMESTAMP);
        this.attempt = patterns.get(Kind.ATTEMPT);
        this.assigned = patterns.get(Kind.ASSIGNED);
        this.comboStart = patterns.get(Kind.COMBO_START);
        this.progress = patterns.get(Kind.PROGRESS);
        this.comboDone = patterns.get(Kind.COMBO_DONE);
        this.complete = patterns.get(Kind.SHARD_COMPLETE);
        this.error = patterns.get(Kind.ERROR);
        this.zone = zone;
    }

    @Override
    public void line(byte[] buf, int off, int len) {
        lineBuf = buf;
        lineOff = off;
        lineLen = len;
        text.set(buf, off, len);
        if (attemptStart == null) {
            attemptStart = timestamp(); // the first timestamp of an attempt is when it started
        }
        Matcher m;
        // Most frequent kinds first: the first kind whose regex matches decides.
        if ((m = match(progress)) != null) {
            onProgress(m);
        } else if ((m = match(comboStart)) != null) {
            onStart(m);
        } else if ((m = match(comboDone)) != null) {
            onDone(m);
        } else if ((m = match(assigned)) != null) {
            onAssigned(m);
        } else if (match(complete) != null) {
            completed = true;
            current = null;
            fraction = 0;
            endedAt = timestamp();
        } else if ((m = match(error)) != null) {
            onError(m);
        } else if (match(attempt) != null) {
            newAttempt();
        }
    }

    private Matcher match(List<LinePattern> list) {
        for (int i = 0, n = list.size(); i < n; i++) {
            LinePattern p = list.get(i);
            if (p.matches(lineBuf, lineOff, lineLen, text)) {
                matched = p;
                return p.matcher();
            }
        }
        return null;
    }

    private void onProgress(Matcher m) {
        double f = Double.NaN;
        if (hasGroup(m, "done") && m.start("done") >= 0 && m.start("total") >= 0) {
            double done = Numbers.parse(text, m.start("done"), m.end("done"));
            double total = Numbers.parse(text, m.start("total"), m.end("total"));
            if (total > 0) {
                f = done / total;
            }
        }
        if (Double.isNaN(f) && hasGroup(m, "percent") && m.start("percent") >= 0) {
            f = Numbers.parse(text, m.start("percent"), m.end("percent")) / 100.0;
        }
        if (!Double.isNaN(f)) {
            fraction = Math.max(0, Math.min(1, f));
        }
        lastError = null;
    }

    private void onStart(Matcher m) {
        current = m.group("name");
        fraction = 0;
        lastError = null;
        int index = (int) number(m, "index", -1);
        if (index > 0) {
            combosDone = Math.max(combosDone, index - 1);
        }
        long total = number(m, "total", -1);
        if (combosTotal == null && total >= 0) {
            combosTotal = (int) total;
        }
    }

    private void onDone(Matcher m) {
        int index = (int) number(m, "index", -1);
        combosDone = index > 0 ? Math.max(combosDone, index) : combosDone + 1;
        rows += Math.max(0, number(m, "rows", 0));
        current = null;
        fraction = 0;
        lastError = null;
    }

    private void onAssigned(Matcher m) {
        if (attemptHasAssigned) {
            // a second assignment without a separator: the worker was started again
            newAttempt();
            attemptStart = timestamp();
        }
        attemptHasAssigned = true;
        combosTotal = (int) number(m, "total", 0);
        lastError = null;
    }

    private void onError(Matcher m) {
        String msg = hasGroup(m, "message") && m.start("message") >= 0 ? m.group("message") : text.toString();
        msg = msg.strip();
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
        attemptHasAssigned = false;
    }

    @Override
    public void reset() {
        newAttempt();
        attempts = 0;
    }

    private Instant timestamp() {
        Matcher m = match(timestamp);
        return m == null ? null : Timestamps.parse(m.group("ts"), zone);
    }

    private long number(Matcher m, String group, long otherwise) {
        if (!hasGroup(m, group) || m.start(group) < 0) {
            return otherwise;
        }
        double v = Numbers.parse(text, m.start(group), m.end(group));
        return Double.isNaN(v) ? otherwise : (long) v;
    }

    private boolean hasGroup(Matcher m, String name) {
        return matched.matcher() == m && matched.hasGroup(name);
    }

    /** A snapshot of what the log says. */
    LogFacts facts() {
        return new LogFacts(combosTotal, combosDone, current, fraction, rows, completed, lastError,
                attemptStart, endedAt, attempts);
    }
}
