package dev.augctl.run;

import java.util.Locale;

/** The life of one shard, as recorded in {@code run.json}. */
public enum ShardState {
    PENDING, RUNNING, SUCCEEDED, FAILED, INTERRUPTED;

    /** Whether the shard has ended, one way or another. */
    public boolean ended() {
        return this == SUCCEEDED || this == FAILED || this == INTERRUPTED;
    }

    /** The name in run.json (lower case). */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The state named {@code value} in run.json, in any case. */
    public static ShardState parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
