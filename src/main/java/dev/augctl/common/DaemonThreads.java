package dev.augctl.common;

import java.util.concurrent.ThreadFactory;

/** Named daemon threads: helpers that must never keep the JVM alive after a command has returned. */
public final class DaemonThreads {
    private DaemonThreads() {
    }

    public static ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}
