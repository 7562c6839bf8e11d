package dev.augctl.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetFooterTest {
    @TempDir
    Path dir;

    @Test
    void readsTheRowCountOfARealParquetFile() throws IOException {
        assertThat(ParquetFooter.rowCount(Fixtures.parquet(dir.resolve("a.parquet"), 1234))).isEqualTo(1234);
        assertThat(ParquetFooter.rowCount(Fixtures.parquet(dir.resolve("empty.parquet"), 0))).isZero();
    }

    @Test
    void rejectsAFileWithoutTheMagic() throws IOException {
        Path csv = Fixtures.write(dir.resolve("x.parquet"), "combo,rows\nthis is not parquet at all\n");
        assertThatThrownBy(() -> ParquetFooter.rowCount(csv))
                .isInstanceOf(IOException.class).hasMessageContaining("no PAR1 magic");
    }

    @Test
    void rejectsATinyFile() throws IOException {
        Path tiny = Fixtures.write(dir.resolve("t.parquet"), "PAR1");
        assertThatThrownBy(() -> ParquetFooter.rowCount(tiny))
                .isInstanceOf(IOException.class).hasMessageContaining("too small");
    }

    @Test
    void rejectsAFooterLengthBeyondTheFile() throws IOException {
        byte[] bytes = Files.readAllBytes(Fixtures.parquet(dir.resolve("b.parquet"), 10));
        bytes[bytes.length - 5] = 0x7f; // the high byte of the little-endian footer length
        Path broken = Files.write(dir.resolve("broken.parquet"), bytes);
        assertThatThrownBy(() -> ParquetFooter.rowCount(broken))
                .isInstanceOf(IOException.class).hasMessageContaining("corrupt Parquet footer");
    }

    @Test
    void rejectsAGarbledFooter() throws IOException {
        byte[] bytes = Files.readAllBytes(Fixtures.parquet(dir.resolve("c.parquet"), 10));
        int footer = bytes.length - 8 - 40;
        Arrays.fill(bytes, footer, bytes.length - 8, (byte) 0xff);
        Path broken = Files.write(dir.resolve("garbled.parquet"), bytes);
        assertThatThrownBy(() -> ParquetFooter.rowCount(broken))
                .isInstanceOf(IOException.class).hasMessageContaining("corrupt Parquet footer");
    }
}
