package dev.augctl.generate.augment;

import java.nio.file.Path;
import java.util.List;

/** Shared, lazily loaded resources of the augmenters (temporary minimal version: none are loaded). */
public final class AugmentResources {
    private final Path baseDir;
    private final List<String> corpus;

    public AugmentResources(Path baseDir, List<String> corpus) {
        this.baseDir = baseDir;
        this.corpus = corpus;
    }

    public Path baseDir() {
        return baseDir;
    }

    public List<String> corpus() {
        return corpus;
    }
}
