package dev.augctl.monitor;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** What the monitor shows a shard as doing, with its mark in UTF-8 and in ASCII. */
public enum Status {
    RUNNING("▶", ">"),
    /** The log says the shard is complete, but its process has not exited yet (writing, closing). */
    FINISHING("◐", "~"),
    STALLED("⚠", "!"),
    PENDING("⏸", "."),
    SUCCEEDED("✓", "+"),
    FAILED("✗", "x"),
    INTERRUPTED("■", "#");

    private final String mark;
    private final String asciiMark;

    Status(String mark, String asciiMark) {
        this.mark = mark;
        this.asciiMark = asciiMark;
    }

    public String mark(boolean ascii) {
        return ascii ? asciiMark : mark;
    }

    /** Whether the shard has ended (it will not change any more in this run). */
    public boolean ended() {
        return this == SUCCEEDED || this == FAILED || this == INTERRUPTED;
    }

    /** Lower-case name, as in JSON and run.json. */
    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
