package dev.augctl.monitor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Writes synthetic shard logs in the built-in worker's format and in Python logging's. */
final class WorkerLogs {
    private static final DateTimeFormatter PY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

    private WorkerLogs() {
    }

    /** A built-in worker line stamped {@code secondsAgo} before now. */
    static String line(long secondsAgo, String level, String message) {
        return Instant.now().minusSeconds(secondsAgo) + " " + String.format("%-5s", level) + " " + message + "\n";
    }

    static String info(long secondsAgo, String message) {
        return line(secondsAgo, "INFO", message);
    }

    /** A Python logging line ("%(asctime)s - %(levelname)s - %(message)s", local time). */
    static String py(long secondsAgo, String level, String message) {
        return PY.format(LocalDateTime.ofInstant(Instant.now().minusSeconds(secondsAgo), ZoneId.systemDefault()))
                + " - " + level + " - " + message + "\n";
    }

    static void append(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** A whole shard that ran {@code combos} combos of {@code rows} rows each and completed. */
    static String completedShard(int shard, int n, int combos, int rows, long startedAgo) {
        StringBuilder b = new StringBuilder(info(startedAgo, "shard " + shard + "/" + n + ": assigned " + combos + " combos: x"));
        for (int c = 1; c <= combos; c++) {
            b.append(info(startedAgo - c, "combo " + c + "/" + combos + " start: combo_1_m" + c));
            b.append(info(startedAgo - c, "combo " + c + "/" + combos + " done: combo_1_m" + c + " rows=" + rows + " rejected=0 seconds=1.0"));
        }
        b.append(info(startedAgo - combos - 1, "shard " + shard + "/" + n + " complete: " + combos + " combos, "
                + (long) combos * rows + " rows, 1.0 s"));
        return b.toString();
    }
}
