package dev.augctl.merge;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.concurrent.Callable;

/**
 * A helper thread for the fast pass: it flushes the merged file to disk while the next shards are
 * read (so that the fsync before the rename has little left to write), and runs the duplicate check
 * while the main thread does that last fsync. A failure is thrown by {@link #result}.
 */
final class Helper implements AutoCloseable {
    private final Thread thread;
    private final FileChannel out;
    private boolean flushWanted;
    private Callable<Boolean> task;
    private boolean closed;
    private Boolean result;
    private Exception failure;

    Helper(FileChannel out) {
        this.out = out;
        this.thread = new Thread(this::loop, "augctl-merge-helper");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks for the output written so far to be flushed to disk (soon; requests made meanwhile merge). */
    synchronized void flush() {
        flushWanted = true;
        notifyAll();
    }

    /**
     * Runs {@code task} next; a flush asked for but not begun is dropped (the caller is about to
     * flush itself). {@link #result} waits for the task's value.
     */
    synchronized void submit(Callable<Boolean> task) {
        this.task = task;
        flushWanted = false;
        notifyAll();
    }

    /** The submitted task's value; rethrows its failure, or that of a flush. */
    synchronized boolean result() throws IOException, InterruptedException {
        while (result == null && failure == null) {
            wait();
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return result;
    }

    /** Stops the thread and waits for it (a flush under way finishes first). */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            notifyAll();
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        while (true) {
            boolean doFlush;
            Callable<Boolean> doTask;
            synchronized (this) {
                while (!flushWanted && task == null && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (failure != null || (closed && !flushWanted && task == null)) {
                    return;
                }
                doFlush = flushWanted;
                doTask = doFlush ? null : task;
                flushWanted = false;
                if (doTask != null) {
                    task = null;
                }
            }
            try {
                if (doFlush) {
                    out.force(false);
                } else {
                    Boolean value = doTask.call();
                    synchronized (this) {
                        result = value;
                        notifyAll();
                    }
                }
            } catch (Exception e) {
                synchronized (this) {
                    failure = e;
                    notifyAll();
                }
                return;
            }
        }
    }
}
