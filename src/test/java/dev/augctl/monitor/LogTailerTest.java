package dev.augctl.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailerTest {
    @TempDir
    Path dir;

    /** Collects lines as strings and counts resets. */
    static final class Lines implements LineSink {
        final List<String> lines = new ArrayList<>();
        int resets;

        @Override
        public void line(byte[] buf, int off, int len) {
            lines.add(new String(buf, off, len, StandardCharsets.UTF_8));
        }

        @Override
        public void reset() {
            resets++;
            lines.clear();
        }
    }

    private final Lines sink = new Lines();
    private final ByteBuffer buffer = ByteBuffer.allocate(1 << 16);

    private Path log(String content) throws IOException {
        Path p = dir.resolve("shard_0_of_1.log");
        Files.writeString(p, content);
        return p;
    }

    @Test
    void readsOnlyNewBytesAndWaitsForAnUnfinishedLine() throws IOException {
        Path p = log("one\ntwo\nthr");
        LogTailer t = new LogTailer(p, sink);
        assertThat(t.poll(buffer)).isEqualTo(11);
        assertThat(sink.lines).containsExactly("one", "two");
        assertThat(t.pendingBytes()).isEqualTo(3);

        assertThat(t.poll(buffer)).isZero();
        WorkerLogs.append(p, "ee\nfour\n");
        assertThat(t.poll(buffer)).isEqualTo(8);
        assertThat(sink.lines).containsExactly("one", "two", "three", "four");
        assertThat(t.offset()).isEqualTo(Files.size(p));
    }

    @Test
    void splitsOnCarriageReturnsAsTqdmDrawsThem() throws IOException {
        Path p = log("start\r\n\r 10%|#    | 1/10\r 20%|##   | 2/10\r100%|#####| 10/10\nend\n");
        new LogTailer(p, sink).poll(buffer);
        assertThat(sink.lines).containsExactly("start", " 10%|#    | 1/10", " 20%|##   | 2/10", "100%|#####| 10/10", "end");
    }

    @Test
    void aTruncatedFileIsReadAgainFromTheStart() throws IOException {
        Path p = log("a long first line\nsecond line\n");
        LogTailer t = new LogTailer(p, sink);
        t.poll(buffer);
        Files.writeString(p, "new\n"); // truncate and rewrite, shorter than before
        t.poll(buffer);
        assertThat(sink.resets).isEqualTo(1);
        assertThat(sink.lines).containsExactly("new");
        assertThat(t.restarts()).isEqualTo(1);
    }

    @Test
    void aReplacedFileIsReadAgainFromTheStart() throws IOException {
        Path p = log("old 1\nold 2\n");
        LogTailer t = new LogTailer(p, sink);
        t.poll(buffer);
        Path fresh = dir.resolve("fresh.tmp");
        Files.writeString(fresh, "new 1\nnew 2\nnew 3\n"); // longer: only the inode tells
        Files.move(fresh, p, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        t.poll(buffer);
        assertThat(sink.resets).isEqualTo(1);
        assertThat(sink.lines).containsExactly("new 1", "new 2", "new 3");
    }

    @Test
    void aFileRewrittenInPlaceWithNewContentIsDetectedByItsFirstBytes() throws IOException {
        Path p = log("2026-01-01T00:00:00Z first run\n");
        LogTailer t = new LogTailer(p, sink);
        t.poll(buffer);
        // same inode, longer content, different beginning (copy-truncate then fast rewrite)
        Files.writeString(p, "2026-02-02T00:00:00Z second run, a longer line\nmore\n");
        t.poll(buffer);
        assertThat(sink.lines).containsExactly("2026-02-02T00:00:00Z second run, a longer line", "more");
    }

    @Test
    void aMissingFileIsNotAnError() throws IOException {
        LogTailer t = new LogTailer(dir.resolve("absent.log"), sink);
        assertThat(t.poll(buffer)).isZero();
        assertThat(t.exists()).isFalse();
    }

    @Test
    void aPathologicalLineKeepsItsHeadAndDropsTheRest() throws IOException {
        String huge = "x".repeat(3 * LogTailer.MAX_LINE + 17);
        Path p = log("before\n" + huge.substring(0, 100_000));
        LogTailer t = new LogTailer(p, sink);
        ByteBuffer small = ByteBuffer.allocate(4096);
        t.poll(small);
        assertThat(t.pendingBytes()).isEqualTo(LogTailer.MAX_LINE); // never more than the bound
        WorkerLogs.append(p, huge.substring(100_000) + "\nafter\n");
        t.poll(small);
        assertThat(sink.lines).hasSize(3);
        assertThat(sink.lines.get(1)).hasSize(LogTailer.MAX_LINE);
        assertThat(sink.lines.get(2)).isEqualTo("after");
    }

    @Test
    void utf8SplitAcrossReadsDecodesWhole() throws IOException {
        String text = "combo 1/2 start: ünïcödé_名前\n".repeat(50);
        Path p = log(text);
        LogTailer t = new LogTailer(p, sink);
        t.poll(ByteBuffer.allocate(7)); // every multi-byte char gets cut by some read
        assertThat(sink.lines).hasSize(50).allMatch(l -> l.equals("combo 1/2 start: ünïcödé_名前"));
    }

    @Test
    void aLongLineOnlyInTheMiddleOfABufferIsAlsoBounded() throws IOException {
        Path p = log("a\n" + "y".repeat(LogTailer.MAX_LINE + 5) + "\nb\n");
        new LogTailer(p, sink).poll(ByteBuffer.allocate(1 << 20));
        assertThat(sink.lines).hasSize(3);
        assertThat(sink.lines.get(1)).hasSize(LogTailer.MAX_LINE);
    }
}
