package dev.augctl.common;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Properties;

/**
 * An OS lock on a {@code launch.lock} file in each folder a launch uses (log directory, output root,
 * cache folder), holding a record of its holder: pid, host, log directory, run id and when the run
 * started. The OS drops the lock when its holder dies, however it dies, so a stale file never
 * blocks; the record stays behind and tells merge which run wrote to the folder last.
 */
public final class LockFile implements AutoCloseable {
    public static final String NAME = "launch.lock";

    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    /**
     * What a holder writes into the lock file; any field may be null in a file written by an older
     * version or by a short-lived holder (such as {@code augctl stop}) that records only its pid.
     */
    public record Holder(OptionalLong pid, String host, String logDir, String runId, Instant runStarted) {
        /** This process, for a launch with the given log directory and run. */
        public static Holder self(Path logDir, String runId, Instant runStarted) {
            return new Holder(OptionalLong.of(ProcessHandle.current().pid()), HostName.get(),
                    logDir == null ? null : logDir.toAbsolutePath().normalize().toString(), runId, runStarted);
        }

        /** "pid 123 on host node1, log dir /runs/logs" (the parts that are known). */
        public String describe() {
            StringBuilder s = new StringBuilder();
            if (pid.isPresent()) {
                s.append("pid ").append(pid.getAsLong());
            }
            if (host != null) {
                s.append(s.length() > 0 ? " on " : "").append("host ").append(host);
            }
            if (logDir != null) {
                s.append(s.length() > 0 ? ", " : "").append("log dir ").append(logDir);
            }
            return s.toString();
        }

        /**
         * Whether the recorded process may still run: a running process of this machine, or any pid
         * recorded on another host (which this machine cannot look at); false when no pid is known.
         */
        public boolean mayBeRunning() {
            if (pid.isEmpty()) {
                return false;
            }
            boolean here = host == null || HostName.same(host, HostName.get());
            return !here || ProcessHandle.of(pid.getAsLong()).filter(ProcessTree::running).isPresent();
        }
    }

    private LockFile(Path file, FileChannel channel, FileLock lock) {
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock file of {@code dir}. */
    public static Path in(Path dir) {
        return dir.resolve(NAME);
    }

    /** Takes the lock of {@code dir} (creating the folder and the file), or returns null when another process holds it. */
    public static LockFile tryAcquire(Path dir) throws IOException {
        Files.createDirectories(dir);
        return tryLock(in(dir));
    }

    private static LockFile tryLock(Path file) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
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
        return new LockFile(file, channel, lock);
    }

    /** Whether some process holds the lock of {@code dir} now (false when there is no lock file). */
    public static boolean held(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(in(dir), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (NoSuchFileException e) {
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    /**
     * The record in the lock file of {@code dir}: its holder now, or its last holder; empty when there
     * is none. Not for a folder whose lock this process holds: closing another descriptor of the file
     * would release the lock (POSIX record locks); use {@link #read()} there.
     */
    public static Optional<Holder> holder(Path dir) {
        try {
            return parse(Files.readString(in(dir), StandardCharsets.UTF_8));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty(); // no file, or not readable as text
        }
    }

    /** The record in this lock's file, read through the locked channel (before {@link #record} replaces it). */
    public Optional<Holder> read() throws IOException {
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(channel.size(), 1 << 16));
        while (buf.hasRemaining() && channel.read(buf, buf.position()) > 0) {
            // positional reads until the buffer is full or the file ends
        }
        return parse(new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8));
    }

    private static Optional<Holder> parse(String text) {
        try {
            Properties p = new Properties();
            p.load(new StringReader(text));
            if (p.isEmpty()) {
                return Optional.empty();
            }
            String pid = p.getProperty("pid");
            String started = p.getProperty("run_started");
            return Optional.of(new Holder(
                    pid == null || !pid.matches("\\d{1,18}") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(pid)),
                    p.getProperty("host"), p.getProperty("log_dir"), p.getProperty("run_id"),
                    started == null ? null : Instant.parse(started)));
        } catch (IOException | IllegalArgumentException | DateTimeParseException e) {
            return Optional.empty(); // not a record of ours: nothing is known about a holder
        }
    }

    public Path file() {
        return file;
    }

    /** Replaces the record in the lock file (flushed to disk before it returns). */
    public void record(Holder holder) throws IOException {
        Properties p = new Properties();
        holder.pid().ifPresent(pid -> p.setProperty("pid", Long.toString(pid)));
        put(p, "host", holder.host());
        put(p, "log_dir", holder.logDir());
        put(p, "run_id", holder.runId());
        put(p, "run_started", holder.runStarted() == null ? null : holder.runStarted().toString());
        StringWriter text = new StringWriter();
        p.store(text, "augctl: held by a running launch while its OS lock is held; its last holder otherwise");
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)), 0);
        channel.force(true);
    }

    private static void put(Properties p, String key, String value) {
        if (value != null) {
            p.setProperty(key, value);
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
