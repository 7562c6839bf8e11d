package dev.augctl.run;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** The life of one shard, as recorded in {@code run.json}. */
public enum ShardState {
    PENDING, RUNNING, SUCCEEDED, FAILED, INTERRUPTED;

    /** Whether the shard has ended, one way or another. */
    public boolean ended() {
        return this == SUCCEEDED || this == FAILED || this == INTERRUPTED;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ShardState parse(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
