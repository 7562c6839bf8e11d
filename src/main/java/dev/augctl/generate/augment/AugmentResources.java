package dev.augctl.generate.augment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the augmenters share, loaded lazily and at most once: WordNet (process-wide), the TF-IDF
 * model fitted on the corpus (the input's text column), and the dictionary files named in method
 * parameters, whose relative paths resolve against {@code baseDir} (the methods file's directory).
 * Thread-safe.
 */
public final class AugmentResources {
    private final Path baseDir;
    private final List<String> corpus;
    private final Map<Path, Object> files = new ConcurrentHashMap<>();
    private volatile TfIdfModel tfidf;

    public AugmentResources(Path baseDir, List<String> corpus) {
        this.baseDir = baseDir == null ? Path.of("") : baseDir;
        this.corpus = corpus == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(corpus));
    }

    public Path baseDir() {
        return baseDir;
    }

    public List<String> corpus() {
        return corpus;
    }

    /** A path from a method parameter: absolute as is, relative against the methods file's directory. */
    public Path resolve(String path) {
        return baseDir.resolve(path).normalize();
    }

    /** WordNet, loaded on first use (once per process). */
    public WordNet wordNet() {
        return WordNet.shared();
    }

    /** The TF-IDF model, fitted on the corpus on first use. */
    TfIdfModel tfidf() {
        TfIdfModel m = tfidf;
        if (m == null) {
            synchronized (this) {
                m = tfidf;
                if (m == null) {
                    m = TfIdfModel.fit(corpus);
                    tfidf = m;
                }
            }
        }
        return m;
    }

    WordTable wordTable(Path file) {
        return (WordTable) files.computeIfAbsent(file.toAbsolutePath(), WordTable::readTsv);
    }

    ReservedTokens reservedTokens(Path file) {
        return (ReservedTokens) files.computeIfAbsent(file.toAbsolutePath(), ReservedTokens::read);
    }
}
