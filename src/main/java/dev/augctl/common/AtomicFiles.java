package dev.augctl.common;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes files so that readers never see half of one: the content goes to a temporary file in the
 * same folder, is flushed to disk, then renamed over the target.
 */
public final class AtomicFiles {

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Writes the content of a file through its channel (for positioned or kernel-side copies). */
    @FunctionalInterface
    public interface ChannelWriter {
        void writeTo(FileChannel channel) throws IOException;
    }

    /** Writes {@code target} atomically; on failure the target is untouched and the temp file removed. */
    public static void write(Path target, Writer writer) throws IOException {
        writeChannel(target, channel -> {
            OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
            writer.writeTo(out);
            out.flush();
        });
    }

    /**
     * Writes {@code target} atomically through a {@link FileChannel} opened for writing at position 0;
     * on failure the target is untouched and the temp file removed.
     */
    public static void writeChannel(Path target, ChannelWriter writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = newTempFile(dir, target.getFileName().toString());
        boolean done = false;
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                writer.writeTo(channel);
                channel.force(true);
            } catch (IOException e) {
                throw naming(target, e);
            }
            moveIntoPlace(tmp, target);
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
        }
    }

    /**
     * Creates an empty, uniquely named temporary file in {@code dir}. Unlike
     * {@link Files#createTempFile}, which makes files only their owner can read, the new file gets the
     * usual permissions (the umask applies), so that the renamed result is readable as any file is.
     */
    public static Path newTempFile(Path dir, String name) throws IOException {
        while (true) {
            long unique = java.util.concurrent.ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
            Path tmp = dir.resolve("." + name + "." + Long.toString(unique, 36) + ".tmp");
            try {
                return Files.createFile(tmp);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // another writer picked the same name: draw again
            }
        }
    }

    /**
     * {@code e} if it names a file, else the same error naming {@code file}: a write error such as
     * "No space left on device" names none, and a user needs to know where.
     */
    public static IOException naming(Path file, IOException e) {
        if (e instanceof java.nio.file.FileSystemException) {
            return e;
        }
        java.nio.file.FileSystemException named = new java.nio.file.FileSystemException(file.toString(), null, e.getMessage());
        named.initCause(e);
        return named;
    }

    /** Writes a UTF-8 string to {@code target} atomically. */
    public static void writeString(Path target, String content) throws IOException {
        byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
        write(target, out -> out.write(bytes));
    }

    /**
     * Renames a finished temporary file over {@code target}, atomically where the file system allows,
     * then flushes the folder so that the rename itself survives a crash.
     */
    public static void moveIntoPlace(Path tmp, Path target) throws IOException {
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        syncDirectory(target.toAbsolutePath().getParent());
    }

    /** Flushes a folder's entries to disk; a no-op where folders cannot be opened (not POSIX). */
    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows cannot open a folder as a file; the rename stands, only its durability is weaker
        }
    }
}
