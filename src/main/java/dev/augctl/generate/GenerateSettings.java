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
        boolean force) {
}
