package dev.augctl.launch;

import dev.augctl.common.ShellQuote;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** The launcher's own line in a shard's log, written before each attempt's output. */
public final class ShardLog {
    /** Every separator line starts with this, so a reader can tell attempts apart. */
    public static final String SEPARATOR_PREFIX = "===== augctl launch: ";

    private ShardLog() {
    }

    /** The separator line (without its newline). */
    public static String separator(ShardSpec spec, int attempt, Instant when) {
        return SEPARATOR_PREFIX + spec.label() + " attempt " + attempt + " at "
                + when.truncatedTo(ChronoUnit.MILLIS) + ": " + ShellQuote.join(spec.argv()) + " =====";
    }

    /** Appends the separator of {@code attempt} to the shard's log, creating the log if needed. */
    public static void writeSeparator(ShardSpec spec, int attempt, Instant when) throws IOException {
        Files.createDirectories(spec.log().toAbsolutePath().getParent());
        Files.writeString(spec.log(), separator(spec, attempt, when) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
