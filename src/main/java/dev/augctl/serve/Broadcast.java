package dev.augctl.serve;

/** The latest published update and its number; readers wait for a newer one (Server-Sent Events). */
final class Broadcast {
    /** One published state: its number and the bytes of each event sent for it. */
    record Update(long version, byte[] state, byte[] timeline) {
    }

    private Update latest;
    private boolean closed;

    synchronized void publish(byte[] state, byte[] timeline) {
        latest = new Update(latest == null ? 1 : latest.version() + 1, state, timeline);
        notifyAll();
    }

    synchronized Update latest() {
        return latest;
    }

    /** The first update newer than {@code version}, or null after {@code timeoutMillis} or once closed. */
    synchronized Update next(long version, long timeoutMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMillis;
        while (!closed && (latest == null || latest.version() <= version)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) {
                return null;
            }
            wait(left);
        }
        return closed ? null : latest;
    }

    synchronized boolean closed() {
        return closed;
    }

    synchronized void close() {
        closed = true;
        notifyAll();
    }
}
