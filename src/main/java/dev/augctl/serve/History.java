package dev.augctl.serve;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.augctl.common.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The duration history of earlier runs ({@code <log_dir>/history.jsonl}, one JSON object per line),
 * read leniently: a missing file is an empty history, and lines that are not JSON objects are skipped.
 */
final class History {
    /** The newest entries kept in an answer. */
    static final int MAX_ENTRIES = 5000;
    static final String FILE_NAME = "history.jsonl";

    private History() {
    }

    static List<JsonNode> read(Path logDir) throws IOException {
        ObjectMapper mapper = Json.mapper();
        Deque<JsonNode> last = new ArrayDeque<>();
        try (BufferedReader in = Files.newBufferedReader(logDir.resolve(FILE_NAME))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonNode node = parse(mapper, line);
                if (node != null) {
                    if (last.size() == MAX_ENTRIES) {
                        last.removeFirst();
                    }
                    last.addLast(node);
                }
            }
        } catch (NoSuchFileException e) {
            return List.of();
        }
        return new ArrayList<>(last);
    }

    private static JsonNode parse(ObjectMapper mapper, String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(line);
            return node != null && node.isObject() ? node : null;
        } catch (IOException e) {
            return null; // a line being written, or not JSON: skipped
        }
    }
}
