package dev.augctl.merge;

import dev.augctl.common.AugctlException;
import dev.augctl.common.ExitCode;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVRecord;

/**
 * Parses the shard manifests, in order, on a background thread a few batches ahead of the consumer,
 * so that CSV parsing overlaps with validating and writing. Errors reach the consumer in file order,
 * exactly where a sequential read would have met them.
 */
final class ShardReader implements AutoCloseable {
    private static final int BATCH = 1024;
    private static final int BATCHES_AHEAD = 8;

    /**
     * Up to {@link #BATCH} records of shard {@code shard} (a position in the shard list), with the line
     * each starts on; {@code endOfShard} marks the shard's last batch; {@code error} replaces the data.
     */
    record Batch(int shard, String[][] values, long[] lines, int size, boolean endOfShard, RuntimeException error) {
    }

    private final List<ShardManifest> shards;
    private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
    private final Thread thread;
    private volatile boolean cancelled;

    ShardReader(List<ShardManifest> shards) {
        this.shards = shards;
        this.thread = new Thread(this::readAll, "augctl-merge-reader");
        thread.setDaemon(true);
        thread.start();
    }

    /** The next batch, in shard and file order; blocks while the reader is behind. */
    Batch next() {
        try {
            return queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AugctlException(ExitCode.SIGINT, "interrupted while merging", e);
        }
    }

    /** Stops the reader (when the consumer gives up early) and waits for it to close its file. */
    @Override
    public void close() {
        cancelled = true;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void readAll() {
        try {
            for (int pos = 0; pos < shards.size() && !cancelled; pos++) {
                readShard(pos);
            }
        } catch (InterruptedException e) {
            // cancelled by close(): the consumer has stopped listening
        } catch (RuntimeException e) {
            offer(new Batch(-1, null, null, 0, false, e));
        }
    }

    private void readShard(int pos) throws InterruptedException {
        try (ManifestCsv csv = ManifestCsv.open(shards.get(pos).path())) {
            String[][] values = new String[BATCH][];
            long[] lines = new long[BATCH];
            int n = 0;
            for (CSVRecord record = csv.next(); record != null; record = csv.next()) {
                if (n == BATCH) {
                    queue.put(new Batch(pos, values, lines, n, false, null));
                    values = new String[BATCH][];
                    lines = new long[BATCH];
                    n = 0;
                    if (cancelled) {
                        return;
                    }
                }
                values[n] = record.values();
                lines[n++] = csv.line();
            }
            queue.put(new Batch(pos, values, lines, n, true, null));
        }
    }

    private void offer(Batch error) {
        try {
            queue.put(error);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // cancelled: nobody waits for the error
        }
    }
}
