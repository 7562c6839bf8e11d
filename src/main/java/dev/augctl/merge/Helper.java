package dev.augctl.merge;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayDeque;
import java.util.concurrent.Callable;

/**
 * A helper thread for the fast pass, so that its side work overlaps with reading the next shard:
 * checks submitted as tasks (run in order) and flushes of the merged file to disk (so that the fsync
 * before the rename has little left to write). A failure is thrown by {@link #anyTrue}.
 */
final class Helper implements AutoCloseable {
    private final Thread thread;
    private final FileChannel out;
    private final ArrayDeque<Callable<Boolean>> tasks = new ArrayDeque<>();
    private boolean flushWanted;
    private boolean running;
    private boolean closed;
    private boolean anyTrue;
    private Exception failure;

    Helper(FileChannel out) {
        this.out = out;
        this.thread = new Thread(this::loop, "augctl-merge-helper");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks for the output written so far to be flushed to disk, once no task is waiting. */
    synchronized void flush() {
        flushWanted = true;
        notifyAll();
    }

    /** Queues a task; {@link #anyTrue} tells whether one returned true. */
    synchronized void submit(Callable<Boolean> task) {
        tasks.add(task);
        notifyAll();
    }

    /**
     * Waits for every task and flush asked for; true when a task returned true. Rethrows a task's or
     * a flush's failure: a failed fsync must not go unreported, and once reported to the helper
     * another fsync of the same file would not report it again.
     */
    synchronized boolean anyTrue() throws IOException, InterruptedException {
        while ((running || !tasks.isEmpty() || flushWanted) && failure == null) {
            wait();
        }
        if (failure instanceof IOException e) {
            throw e;
        }
        if (failure != null) {
            throw new IllegalStateException(failure);
        }
        return anyTrue;
    }

    /** Stops the thread and waits for it: what is under way finishes, what waits is dropped. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            flushWanted = false;
            tasks.clear();
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
            Callable<Boolean> task;
            synchronized (this) {
                while (!flushWanted && tasks.isEmpty() && !closed) {
                    try {
                        wait();
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                if (closed || failure != null) {
                    return;
                }
                task = tasks.poll();
                running = true;
                if (task == null) {
                    flushWanted = false;
                }
            }
            boolean value = false;
            Exception failed = null;
            try {
                if (task != null) {
                    value = task.call();
                } else {
                    out.force(false);
                }
            } catch (Exception e) {
                failed = e;
            }
            synchronized (this) {
                running = false;
                anyTrue |= value;
                if (failed != null) {
                    failure = failed;
                }
                notifyAll();
            }
        }
    }
}
