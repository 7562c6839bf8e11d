package dev.augctl.merge;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.parquet.format.FileMetaData;
import org.apache.parquet.format.Util;

/**
 * Reads a Parquet file's row count from its footer alone: no pages are read and no Hadoop class is
 * needed. Layout: {@code PAR1 ... <footer> <footer length, 4 bytes LE> PAR1}.
 */
public final class ParquetFooter {
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int TAIL = 8;

    private ParquetFooter() {
    }

    /** The number of rows the footer declares; an IOException whose message says what is wrong otherwise. */
    public static long rowCount(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < MAGIC.length + TAIL) {
                throw new IOException("not a Parquet file (" + size + " bytes, too small)");
            }
            ByteBuffer tail = read(ch, size - TAIL, TAIL);
            if (!hasMagic(tail, 4)) {
                throw new IOException("not a Parquet file (no PAR1 magic at the end)");
            }
            if (!hasMagic(read(ch, 0, MAGIC.length), 0)) {
                throw new IOException("not a Parquet file (no PAR1 magic at the start)");
            }
            int footerLength = tail.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
            if (footerLength <= 0 || footerLength > size - MAGIC.length - TAIL) {
                throw new IOException("corrupt Parquet footer (declared length " + footerLength
                        + " in a file of " + size + " bytes)");
            }
            ByteBuffer footer = read(ch, size - TAIL - footerLength, footerLength);
            FileMetaData meta;
            try {
                meta = Util.readFileMetaData(new ByteArrayInputStream(footer.array()));
            } catch (IOException | RuntimeException e) {
                throw new IOException("corrupt Parquet footer: " + e.getMessage(), e);
            }
            return meta.getNum_rows();
        }
    }

    private static ByteBuffer read(FileChannel ch, long position, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(length);
        while (buf.hasRemaining()) {
            if (ch.read(buf, position + buf.position()) < 0) {
                throw new IOException("unexpected end of file");
            }
        }
        buf.flip();
        return buf;
    }

    private static boolean hasMagic(ByteBuffer buf, int offset) {
        for (int i = 0; i < MAGIC.length; i++) {
            if (buf.get(offset + i) != MAGIC[i]) {
                return false;
            }
        }
        return true;
    }
}
