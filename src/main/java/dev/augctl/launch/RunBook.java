package dev.augctl.launch;

import dev.augctl.run.RunState;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Keeps {@code run.json} in step with the run: every change is written at once, atomically. */
final class RunBook {
    private final Path file;
    private final RunState state;
    private final PrintWriter err;
    private boolean warned;

    RunBook(Path file, RunState state, PrintWriter err) {
        this.file = file;
        this.state = state;
        this.err = err;
    }

    /** Applies a change and rewrites the file. */
    synchronized void update(Consumer<RunState> change) {
        change.accept(state);
        try {
            state.write(file);
        } catch (IOException e) {
            // The shards matter more than the record of them: warn once and keep going.
            if (!warned) {
                err.println("augctl: warning: cannot write " + file + ": " + e.getMessage());
                err.flush();
                warned = true;
            }
        }
    }

    synchronized RunState state() {
        return state;
    }
}
