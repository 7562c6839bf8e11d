package dev.augctl.history;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A combo a shard's log shows finished: its name, seconds, and rows when logged. */
public record TimedCombo(String combo, double seconds, Long rows) {
    /** Reads the combos a shard log shows finished, among those started at or after {@code since}. */
    @FunctionalInterface
    public interface LogReader {
        List<TimedCombo> read(Path log, Instant since) throws IOException;
    }
}
