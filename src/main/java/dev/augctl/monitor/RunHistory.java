package dev.augctl.monitor;

import dev.augctl.history.Estimator;
import dev.augctl.history.HistoryEntry;
import dev.augctl.history.HistoryFile;
import dev.augctl.history.InputFingerprint;
import dev.augctl.run.RunState;
import dev.augctl.run.ShardRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the duration history of earlier runs ({@code history.jsonl} in the log directory) says about
 * the run being watched: estimates of its combos and of a shard's time outside its combos, the combos
 * earlier runs on the same input had, and the methods of a combo. The run's input is known by the
 * fingerprint run.json records ({@code input_sha256}, {@code input_rows}; for an older run.json, the
 * {@code --input FILE} of its shards' argv, fingerprinted here); the worker is the one whose entries used that input most
 * recently. The file is read again only when it changes (a launch appends at its end).
 */
final class RunHistory {
    /** No history: every estimate is empty. */
    static final RunHistory NONE = new RunHistory(List.of(), new InputFingerprint(null, null));

    private final List<HistoryEntry> entries;
    private final InputFingerprint input;
    private final String worker;
    private final Estimator estimator;

    RunHistory(List<HistoryEntry> all, InputFingerprint input) {
        this.input = input;
        HistoryEntry newest = null;
        for (HistoryEntry e : all) {
            if (input.sha256() == null || input.sha256().equals(e.inputSha256())) {
                newest = e; // the newest entry on this input
            }
        }
        if (newest == null && !all.isEmpty()) {
            newest = all.get(all.size() - 1); // else the newest of all
        }
        this.worker = newest == null ? null : newest.worker();
        this.entries = all.stream().filter(e -> Objects.equals(e.worker(), worker)).toList();
        this.estimator = new Estimator(entries, worker);
    }

    boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The history's estimate of a combo on this run's input. */
    Optional<Estimator.Estimate> combo(String name, String methods) {
        return entries.isEmpty() ? Optional.empty() : estimator.combo(name, methods, input.sha256(), input.rows());
    }

    /** The history's estimate of shard {@code index} of {@code numShards} as a whole (start to end). */
    Optional<Double> shard(int index, int numShards) {
        return entries.isEmpty() ? Optional.empty()
                : estimator.shard(index, numShards, input.sha256(), input.rows()).map(Estimator.Estimate::seconds);
    }

    /** Seconds a shard spends outside its combos (start-up, mostly), when the history has shards. */
    Optional<Double> overhead() {
        return estimator.overhead(input.sha256());
    }

    /** The methods of a combo as the history records them (joined with {@code +}), or null. */
    String methods(String combo) {
        for (int i = entries.size() - 1; i >= 0; i--) {
            HistoryEntry e = entries.get(i);
            if (e.isCombo() && e.combo().equals(combo) && e.methods() != null) {
                return e.methods();
            }
        }
        return null;
    }

    /**
     * The combos earlier runs ran on this input (on any input when none did), of shard {@code shard}
     * of {@code numShards} when {@code shard} is not null.
     */
    Set<String> combos(Integer shard, int numShards) {
        Set<String> same = new LinkedHashSet<>();
        Set<String> any = new LinkedHashSet<>();
        for (HistoryEntry e : entries) {
            if (!e.isCombo() || shard != null && (!shard.equals(e.shard()) || !Integer.valueOf(numShards).equals(e.numShards()))) {
                continue;
            }
            any.add(e.combo());
            if (input.sha256() != null && input.sha256().equals(e.inputSha256())) {
                same.add(e.combo());
            }
        }
        return same.isEmpty() ? any : same;
    }

    /** Reads the history of a log directory again when it changed, and fingerprints the run's input once. */
    static final class Loader {
        private final Path file;
        private long size = -1;
        private long modified;
        private List<HistoryEntry> entries = List.of();
        private Path inputPath;
        private InputFingerprint input = new InputFingerprint(null, null);
        private RunHistory current = NONE;

        Loader(Path logDir) {
            this.file = HistoryFile.in(logDir).path();
        }

        /** The history as it stands, for the run that {@code run} describes (null: logs alone). */
        RunHistory load(RunState run) {
            long newSize;
            long newModified;
            try {
                newSize = Files.size(file);
                newModified = Files.getLastModifiedTime(file).toMillis();
            } catch (IOException e) {
                newSize = -1; // none (yet): an empty history
                newModified = 0;
            }
            boolean changed = newSize != size || newModified != modified;
            if (changed) {
                size = newSize;
                modified = newModified;
                // the monitor never fails on its history: unreadable lines are left out, as launch does
                entries = newSize < 0 ? List.of() : new HistoryFile(file).read(warning -> { });
            }
            if (!entries.isEmpty() && run != null && run.inputSha256 != null) {
                // as the launcher read it (run.json): no second read of the input, from wherever the monitor runs
                InputFingerprint recorded = new InputFingerprint(run.inputSha256, run.inputRows);
                changed |= !recorded.equals(input);
                input = recorded;
            } else {
                Path in = entries.isEmpty() ? null : inputOf(run); // a run.json written before input_sha256 was recorded
                if (in != null && !in.equals(inputPath)) {
                    inputPath = in;
                    input = Files.isRegularFile(in) ? InputFingerprint.of(in) : new InputFingerprint(null, null);
                    changed = true;
                }
            }
            if (changed) {
                current = entries.isEmpty() ? NONE : new RunHistory(entries, input);
            }
            return current;
        }

        /** The {@code --input} of the run's shards' argv (the worker contract's flag), or null. */
        static Path inputOf(RunState run) {
            if (run == null) {
                return null;
            }
            for (ShardRecord r : run.shards) {
                List<String> argv = r.argv == null ? List.of() : r.argv;
                for (int i = 0; i < argv.size(); i++) {
                    String a = argv.get(i);
                    if (a.equals("--input") && i + 1 < argv.size()) {
                        return Path.of(argv.get(i + 1));
                    }
                    if (a.startsWith("--input=")) {
                        return Path.of(a.substring("--input=".length()));
                    }
                }
            }
            return null;
        }
    }
}
