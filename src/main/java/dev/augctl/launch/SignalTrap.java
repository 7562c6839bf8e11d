package dev.augctl.launch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Catches SIGINT, SIGTERM and SIGHUP for the launcher (a hang-up, such as a dropped SSH session,
 * would otherwise end the JVM and leave the shards, which run in sessions of their own, orphaned). A handler (rather than a shutdown hook) keeps the
 * JVM alive while the launcher stops its shards, waits the grace period, writes run.json and prints
 * the summary, and lets it return 130 or 143 as its own exit code. The previous handlers come back
 * on {@link #close()}. A signal ignored when the JVM started (nohup, a background job of a
 * non-interactive shell) stays ignored, as the JVM does not let it be caught.
 */
final class SignalTrap implements AutoCloseable {
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();

    private SignalTrap() {
    }

    /** Calls {@code onSignal} with "SIGINT", "SIGTERM" or "SIGHUP" (on the JVM's signal thread). */
    static SignalTrap install(Consumer<String> onSignal) {
        SignalTrap trap = new SignalTrap();
        for (String name : new String[] {"INT", "TERM", "HUP"}) {
            try {
                Signal signal = new Signal(name);
                SignalHandler old = Signal.handle(signal, s -> onSignal.accept("SIG" + name));
                trap.signals.add(signal);
                trap.previous.add(old);
            } catch (IllegalArgumentException e) {
                // The platform reserves this signal (for example -Xrs): the JVM's default applies.
            }
        }
        return trap;
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            try {
                Signal.handle(signals.get(i), previous.get(i));
            } catch (IllegalArgumentException e) {
                // nothing to restore
            }
        }
    }
}
