package dev.augctl.common;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The last lines of a log, read backwards from its end (a big log costs no more than a small one).
 * A progress bar's carriage-return states collapse to the last one drawn on each line.
 */
public final class LogTail {
    /** At most this many bytes are read from the end, whatever the number of lines asked for. */
    public static final int MAX_BYTES = 1 << 20;
    private static final int BLOCK = 1 << 16;

    private LogTail() {
    }

    /** Up to {@code lines} last lines of {@code log}; empty when the file does not exist. */
    public static List<String> read(Path log, int lines) throws IOException {
        if (lines <= 0) {
            return List.of();
        }
        byte[] tail;
        try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
            tail = lastBytes(f, lines);
        } catch (java.io.FileNotFoundException | NoSuchFileException e) {
            return List.of();
        }
        String text = new String(tail, StandardCharsets.UTF_8);
        String[] split = text.split("\n", -1);
        List<String> out = new ArrayList<>();
        int end = split.length;
        if (end > 0 && split[end - 1].isEmpty()) {
            end--; // the file ends with a line break
        }
        for (int i = Math.max(0, end - lines); i < end; i++) {
            out.add(lastState(split[i]));
        }
        return out;
    }

    /** The end of the file holding at least {@code lines} + 1 line breaks (a whole first line), or MAX_BYTES. */
    private static byte[] lastBytes(RandomAccessFile f, int lines) throws IOException {
        long length = f.length();
        long start = length;
        int breaks = 0;
        byte[] block = new byte[BLOCK];
        while (start > 0 && length - start < MAX_BYTES && breaks <= lines) {
            int n = (int) Math.min(BLOCK, start);
            start -= n;
            f.seek(start);
            f.readFully(block, 0, n);
            for (int i = 0; i < n; i++) {
                if (block[i] == '\n') {
                    breaks++;
                }
            }
        }
        byte[] out = new byte[(int) (length - start)];
        f.seek(start);
        f.readFully(out);
        if (start > 0) { // drop the partial first line
            int firstBreak = indexOf(out, (byte) '\n');
            return firstBreak < 0 ? out : java.util.Arrays.copyOfRange(out, firstBreak + 1, out.length);
        }
        return out;
    }

    private static int indexOf(byte[] a, byte b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** What a terminal would show for a line redrawn with carriage returns: its last non-empty state. */
    static String lastState(String line) {
        String s = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
        int cr = s.lastIndexOf('\r');
        while (cr >= 0 && cr == s.length() - 1) {
            s = s.substring(0, cr);
            cr = s.lastIndexOf('\r');
        }
        return cr < 0 ? s : s.substring(cr + 1);
    }
}
