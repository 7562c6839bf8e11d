package dev.augctl.generate;

import dev.augctl.common.AtomicFiles;
import dev.augctl.generate.output.ColumnType;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The input as {@code augctl launch} read it, for its shards: the CSV's cells, column types and
 * SHA-256 in a binary file ({@code <log_dir>/input.table}, the worker's {@code --input-table}). The
 * launcher parses and checks the CSV once before any shard starts; each shard of the built-in worker
 * then reads this file instead of parsing and hashing the CSV again (a fifth of a shard's start-up on
 * 20,000 rows). A table serves only the CSV it was made from, unchanged since (same path, size and
 * modification time), read with the same column roles; otherwise, or when it cannot be read, the
 * worker reads the CSV.
 *
 * <p>Format (big-endian): magic and version; the CSV's absolute path, size and modification time (ms);
 * its SHA-256; the five column roles; the header, each column with its type; the number of rows and
 * their cells. Every string is its UTF-8 length (an int) and bytes.
 */
public final class InputTableFile {
    private static final int MAGIC = 0x41554754; // "AUGT"
    private static final int VERSION = 1;

    private InputTableFile() {
    }

    /** A table read back (its SHA-256 is {@code table.sha256()}), or (null) why the CSV must be read instead. */
    public record Read(InputTable table, String whyNot) {
        static Read not(String why) {
            return new Read(null, why);
        }
    }

    /** Writes {@code table}, as it was read from its CSV, to {@code file}, atomically. */
    public static void write(Path file, InputTable table) throws IOException {
        List<ColumnType> types = table.columnTypes();
        AtomicFiles.write(file, stream -> {
            DataOutputStream out = new DataOutputStream(stream);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            writeString(out, identity(table.file()));
            out.writeLong(table.fileSize());
            out.writeLong(table.fileModified());
            writeString(out, table.sha256());
            for (String role : roles(table.columns())) {
                writeString(out, role);
            }
            out.writeInt(table.header().size());
            for (int c = 0; c < table.header().size(); c++) {
                writeString(out, table.header().get(c));
                writeString(out, types.get(c).name());
            }
            out.writeInt(table.size());
            for (int i = 0; i < table.size(); i++) {
                for (String cell : table.row(i)) {
                    writeString(out, cell);
                }
            }
            out.flush();
        });
    }

    /** Reads {@code file} for the CSV {@code csv} read with {@code columns}; never throws. */
    public static Read read(Path file, Path csv, Columns columns) {
        // mapped, not read onto the heap: the rows' strings are what the shard keeps
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Cells in = new Cells(channel.map(FileChannel.MapMode.READ_ONLY, 0, channel.size()));
            if (in.buf.remaining() < 8 || in.buf.getInt() != MAGIC || in.buf.getInt() != VERSION) {
                return Read.not("not an input table of this augctl version");
            }
            long size = Files.size(csv);
            long modified = Files.getLastModifiedTime(csv).toMillis();
            if (!in.next().equals(identity(csv)) || in.buf.getLong() != size || in.buf.getLong() != modified) {
                return Read.not("made from another input file, or from " + csv + " before it changed");
            }
            String sha256 = in.next();
            for (String role : roles(columns)) {
                if (!in.next().equals(role)) {
                    return Read.not("made with other column roles");
                }
            }
            int width = in.buf.getInt();
            List<String> header = new ArrayList<>(width);
            List<ColumnType> types = new ArrayList<>(width);
            for (int c = 0; c < width; c++) {
                header.add(in.next());
                types.add(ColumnType.valueOf(in.next()));
            }
            int n = in.buf.getInt();
            List<String[]> rows = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                String[] row = new String[width];
                for (int c = 0; c < width; c++) {
                    row[c] = in.next();
                }
                rows.add(row);
            }
            if (in.buf.hasRemaining()) {
                return Read.not("longer than its rows");
            }
            return new Read(InputTable.of(csv, header, rows, columns, types, sha256, size, modified), null);
        } catch (NoSuchFileException e) {
            return Read.not("no such file");
        } catch (BufferUnderflowException e) {
            return Read.not("cut short");
        } catch (IOException | RuntimeException e) {
            return Read.not("unreadable (" + e + ")");
        }
    }

    /** A string as its UTF-8 length and bytes. */
    private static void writeString(DataOutputStream out, String s) throws IOException {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    /** Strings read back from a buffer, through one reusable array. */
    private static final class Cells {
        final ByteBuffer buf;
        private byte[] scratch = new byte[256];

        Cells(ByteBuffer buf) {
            this.buf = buf;
        }

        String next() {
            int length = buf.getInt();
            if (length < 0 || length > buf.remaining()) {
                throw new BufferUnderflowException();
            }
            if (length > scratch.length) {
                scratch = new byte[Math.max(length, scratch.length * 2)];
            }
            buf.get(scratch, 0, length);
            return new String(scratch, 0, length, StandardCharsets.UTF_8);
        }
    }

    private static String identity(Path csv) {
        return csv.toAbsolutePath().normalize().toString();
    }

    private static List<String> roles(Columns c) {
        return List.of(c.text(), c.evidence(), c.criterion(), c.label(), c.id());
    }
}
