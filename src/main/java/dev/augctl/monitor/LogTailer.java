package dev.augctl.monitor;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;

/**
 * Follows one log file across refreshes, reading only the bytes appended since the last poll and
 * handing complete lines (split on {@code \n} and {@code \r}) to a {@link LineSink}. An unfinished
 * last line waits for the next poll; a line longer than {@link #MAX_LINE} keeps its head and drops
 * the rest. A file that shrank, whose inode changed, or whose first bytes changed is read again from
 * the start (after {@link LineSink#reset()}).
 */
final class LogTailer {
    /** The most bytes of one line that are kept; the rest of a longer line is dropped. */
    static final int MAX_LINE = 64 * 1024;
    /** How many leading bytes identify a file's content (a rewrite in place changes them). */
    private static final int HEAD = 64;

    private final Path path;
    private final LineSink sink;
    private long offset;
    private Object fileKey;
    private final byte[] head = new byte[HEAD];
    private int headLen;
    private byte[] partial = new byte[256];
    private int partialLen;
    private boolean partialDropped;
    private boolean exists;
    /** Whether the file existed at some poll: a log that then disappears was deleted or moved. */
    private boolean seen;
    private long size;
    private long modifiedMillis;
    private long lines;
    private int restarts;

    LogTailer(Path path, LineSink sink) {
        this.path = path;
        this.sink = sink;
    }

    /**
     * Reads what was appended since the last poll, using {@code buffer} (shared by all tailers of a
     * monitor) for the reads. Returns the number of new bytes read; 0 when the file is absent.
     */
    long poll(ByteBuffer buffer) throws IOException {
        BasicFileAttributes attrs;
        try {
            attrs = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            exists = false;
            return 0;
        }
        exists = true;
        seen = true;
        size = attrs.size();
        modifiedMillis = attrs.lastModifiedTime().toMillis();
        Object key = attrs.fileKey();
        if ((fileKey != null && key != null && !key.equals(fileKey)) || size < offset) {
            restart();
        }
        fileKey = key;
        if (size == offset) {
            return 0;
        }
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            if (offset > 0 && !sameHead(ch, buffer)) {
                restart();
            }
            return readFrom(ch, buffer);
        } catch (NoSuchFileException e) {
            exists = false;
            return 0;
        }
    }

    private long readFrom(FileChannel ch, ByteBuffer buffer) throws IOException {
        byte[] buf = buffer.array();
        long total = 0;
        while (true) {
            buffer.clear();
            int n = ch.read(buffer, offset);
            if (n <= 0) {
                return total;
            }
            if (headLen < HEAD && offset < HEAD) {
                int take = (int) Math.min(HEAD - offset, n);
                System.arraycopy(buf, 0, head, (int) offset, take);
                headLen = (int) offset + take;
            }
            offset += n;
            total += n;
            split(buf, n);
        }
    }

    private boolean sameHead(FileChannel ch, ByteBuffer buffer) throws IOException {
        int want = (int) Math.min(headLen, offset);
        if (want == 0) {
            return true;
        }
        buffer.clear().limit(want);
        int got = 0;
        while (got < want) {
            int n = ch.read(buffer, got);
            if (n <= 0) {
                return false;
            }
            got += n;
        }
        return Arrays.equals(buffer.array(), 0, want, head, 0, want);
    }

    /** Emits the complete lines of {@code buf[0, n)}; keeps the unfinished tail for later. */
    private void split(byte[] buf, int n) {
        int start = 0;
        int eol;
        while ((eol = Bytes.indexOfEol(buf, start, n)) >= 0) {
            if (partialLen > 0 || partialDropped) {
                append(buf, start, eol);
                emit(partial, 0, partialLen);
                partialLen = 0;
                partialDropped = false;
            } else {
                emit(buf, start, Math.min(eol - start, MAX_LINE));
            }
            start = eol + 1;
        }
        if (start < n) {
            append(buf, start, n);
        }
    }

    private void emit(byte[] b, int off, int len) {
        if (len > 0) { // "\r\n" and blank lines carry nothing
            lines++;
            sink.line(b, off, len);
        }
    }

    /** Adds {@code buf[from, to)} to the unfinished line, keeping at most MAX_LINE bytes of it. */
    private void append(byte[] buf, int from, int to) {
        int room = MAX_LINE - partialLen;
        int take = Math.min(room, to - from);
        if (take < to - from) {
            partialDropped = true;
        }
        if (take <= 0) {
            return;
        }
        if (partialLen + take > partial.length) {
            partial = Arrays.copyOf(partial, Math.min(MAX_LINE, Math.max(partialLen + take, partial.length * 2)));
        }
        System.arraycopy(buf, from, partial, partialLen, take);
        partialLen += take;
    }

    private void restart() {
        offset = 0;
        headLen = 0;
        partialLen = 0;
        partialDropped = false;
        restarts++;
        sink.reset();
    }

    /** Bytes a poll would read now, about (0 when the file is absent). */
    long unread() {
        try {
            long size = Files.size(path);
            return size < offset ? size : size - offset;
        } catch (IOException e) {
            return 0;
        }
    }

    Path path() {
        return path;
    }

    boolean exists() {
        return exists;
    }

    /** The file was read before and is not there now. */
    boolean gone() {
        return seen && !exists;
    }

    /** The file's size at the last poll. */
    long size() {
        return size;
    }

    /** The file's modification time at the last poll (epoch millis). */
    long modifiedMillis() {
        return modifiedMillis;
    }

    /** Bytes read so far from the current file. */
    long offset() {
        return offset;
    }

    /** Complete lines handed to the sink so far. */
    long lines() {
        return lines;
    }

    /** How many times the file was found truncated or replaced. */
    int restarts() {
        return restarts;
    }

    /** Bytes of the unfinished last line waiting for its terminator. */
    int pendingBytes() {
        return partialLen;
    }
}
