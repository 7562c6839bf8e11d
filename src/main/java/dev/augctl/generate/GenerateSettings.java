package dev.augctl.generate;

import dev.augctl.common.ComboMode;
import dev.augctl.common.SaveFormat;
import java.nio.file.Path;

/** Everything one run of the worker needs, as parsed and range-checked by the command line. */
public record GenerateSettings(
        Path input,
        Path methods,
        Path outputRoot,
        Columns columns,
        int variantsPerSample,
        long seed,
        double minSimilarity,
        double maxSimilarity,
        ComboMode comboMode,
        int numProc,
        SaveFormat saveFormat,
        int shardIndex,
        int numShards,
        Path cacheDb,
        boolean force,
        int maxTextChars,
        Path inputTable) {

    /** The default of {@link #maxTextChars}: far above any sentence or post, far below a cell that stalls a shard. */
    public static final int DEFAULT_MAX_TEXT_CHARS = 100_000;

    /** Whether a row's text is too long to augment: longer than {@code maxTextChars} (0: no limit). */
    public boolean tooLong(String text) {
        return maxTextChars > 0 && text.length() > maxTextChars;
    }
}
