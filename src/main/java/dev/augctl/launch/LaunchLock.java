package dev.augctl.launch;

import dev.augctl.common.AugctlException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * One launcher per log directory: an OS lock on {@code launch.lock}, which holds the owner's pid.
 * The OS drops the lock when its holder dies, however it dies, so a stale file never blocks.
 */
public final class LaunchLock implements AutoCloseable {
    public static final String FILE_NAME = "launch.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private LaunchLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static Path path(Path logDir) {
        return logDir.resolve(FILE_NAME);
    }

    /** Takes the lock and writes our pid into it, or fails (exit 2) naming the pid that holds it. */
    public static LaunchLock acquire(Path logDir) throws IOException {
        LaunchLock lock = tryAcquire(logDir);
        if (lock == null) {
            OptionalLong holder = holderPid(logDir);
            throw AugctlException.badInput("another launcher "
                    + (holder.isPresent() ? "(pid " + holder.getAsLong() + ") " : "")
                    + "is running for " + logDir + " (it holds " + path(logDir)
                    + "); wait for it, or end it with 'augctl stop'");
        }
        return lock;
    }

    /** Takes the lock if it is free, else returns null. */
    public static LaunchLock tryAcquire(Path logDir) throws IOException {
        Files.createDirectories(logDir);
        FileChannel channel = FileChannel.open(path(logDir), StandardOpenOption.CREATE,
                StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this very JVM
        }
        if (lock == null) {
            channel.close();
            return null;
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
        return new LaunchLock(channel, lock);
    }

    /** Whether some process holds the lock now (false when there is no lock file). */
    public static boolean held(Path logDir) throws IOException {
        if (!Files.exists(path(logDir))) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(path(logDir), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /** The pid written in the lock file by its latest holder. */
    public static OptionalLong holderPid(Path logDir) {
        try {
            String s = Files.readString(path(logDir), StandardCharsets.UTF_8).trim();
            return s.isEmpty() ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(s));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
