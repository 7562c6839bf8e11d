package dev.augctl.merge;

import dev.augctl.common.AugctlException;
import dev.augctl.common.ExitCode;
import dev.augctl.merge.ManifestMerger.Columns;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * The merge pass over raw bytes ({@link ManifestScanner}): it looks only at the key, rows, rejected
 * (and, for {@code --verify}, path) values and makes no string per row; a shard whose rows are
 * already in the merged manifest's form (the usual case: the worker writes that form) is then copied
 * by the kernel from the same open file, any other shard is read again and its rows re-encoded. It
 * accepts only what {@link ReferencePass} accepts and writes the same bytes; on anything else (any
 * invalid row, any unusual CSV) it throws {@link ManifestScanner.Unusual} and the merge starts again
 * with the reference pass, which finds and names the problem exactly as it always has.
 */
final class FastPass extends MergePass {
    /** Read size: large enough that reading costs a few hundred system calls per 100 MB. */
    static final int BUFFER = 1 << 20;

    private final ComboHashes combos = new ComboHashes();

    FastPass(MergeSettings settings, Columns columns) {
        super(settings, columns);
    }

    @Override
    void run(List<ShardManifest> shards, FileChannel out) throws IOException {
        try (Helper helper = new Helper(out)) {
            write(out, headerLine());
            for (ShardManifest shard : shards) {
                merge(shard, out);
                stats.endShard(shard);
                long[] hashes = combos.takeBatch();
                helper.submit(() -> combos.insert(hashes));
                helper.flush();
            }
            out.force(true); // what the atomic write does next anyway: meanwhile the helper checks the last combos
            if (helper.anyTrue()) {
                throw new ManifestScanner.Unusual("two combos with the same hash"); // the reference pass compares names
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AugctlException(ExitCode.SIGINT, "interrupted while merging", e);
        }
        endVerification();
    }

    /** Checks one shard and appends its rows to {@code out}. */
    private void merge(ShardManifest shard, FileChannel out) throws IOException {
        FileChannel in;
        try {
            in = FileChannel.open(shard.path(), StandardOpenOption.READ);
        } catch (IOException e) {
            throw new ManifestScanner.Unusual("cannot open " + shard.path()); // reported by the reference pass
        }
        try (in) {
            ManifestScanner scanner = new ManifestScanner(in, null, BUFFER);
            check(scanner, shard);
            if (scanner.dataInOutputForm()) {
                copy(in, scanner.dataOffset(), scanner.endOffset(), out);
            } else {
                reencode(in, out);
            }
        }
    }

    /** Reads one shard: validates, counts and remembers every row. */
    private void check(ManifestScanner scanner, ShardManifest shard) throws IOException {
        skipHeader(scanner);
        MergeStats.ComboName name = () -> scanner.value(columns.key());
        int width = columns.header().size();
        int key = columns.key();
        while (scanner.next()) {
            if (scanner.fields() != width) {
                throw new ManifestScanner.Unusual("ragged row");
            }
            int keyStart = scanner.start(key);
            int keyEnd = scanner.end(key);
            if (keyStart == keyEnd) {
                throw new ManifestScanner.Unusual("empty key");
            }
            long rows = count(scanner, columns.rows());
            long rejected = columns.rejected() >= 0 ? count(scanner, columns.rejected()) : 0;
            combos.add(scanner.buffer(), keyStart, keyEnd);
            stats.add(name, rows, rejected);
            if (verifier != null) {
                verifier.check(new DatasetVerifier.DatasetRef(shard.fileName(), scanner.line(), scanner.value(key),
                        scanner.value(columns.path()), rows));
            }
        }
    }

    private static long count(ManifestScanner scanner, int column) {
        long n = Counts.parse(scanner.buffer(), scanner.start(column), scanner.end(column));
        if (n < 0) {
            throw new ManifestScanner.Unusual("invalid count");
        }
        return n;
    }

    /** Reads a shard's header, which must be the one Commons CSV read (checked before the pass), and leaves it out. */
    private void skipHeader(ManifestScanner scanner) throws IOException {
        List<String> header = columns.header();
        if (!scanner.next() || scanner.fields() != header.size()) {
            throw new ManifestScanner.Unusual("header");
        }
        for (int f = 0; f < header.size(); f++) {
            if (!scanner.value(f).equals(header.get(f))) {
                throw new ManifestScanner.Unusual("header");
            }
        }
        scanner.skip();
    }

    /** Copies {@code in[from, to)} to the end of {@code out}, inside the kernel where it can. */
    private static void copy(FileChannel in, long from, long to, FileChannel out) throws IOException {
        for (long at = from; at < to; ) {
            long n = in.transferTo(at, to - at, out);
            if (n <= 0) {
                throw new ManifestScanner.Unusual("the file became shorter while merging");
            }
            at += n;
        }
    }

    /** Reads the shard again, writing each row in the merged manifest's form. */
    private static void reencode(FileChannel in, FileChannel out) throws IOException {
        OutputStream stream = new BufferedOutputStream(Channels.newOutputStream(out), 1 << 16);
        ManifestScanner scanner = new ManifestScanner(in, stream, BUFFER);
        if (scanner.next()) {
            scanner.skip();
            while (scanner.next()) {
                // each record goes to the output as the scanner moves on
            }
        }
        scanner.finish();
        stream.flush();
    }

    private byte[] headerLine() throws IOException {
        StringWriter text = new StringWriter();
        CsvOut out = new CsvOut(text);
        out.record(columns.header().toArray(new String[0]));
        out.flush();
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void write(FileChannel out, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            out.write(buffer);
        }
    }
}
