package dev.augctl.common;

/** Short waits in polling loops. */
public final class Pause {
    private Pause() {
    }

    /** Sleeps {@code ms} milliseconds; an interrupt ends the wait early and stays set for the caller to see. */
    public static void millis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
