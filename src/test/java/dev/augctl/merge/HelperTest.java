package dev.augctl.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HelperTest {
    @TempDir
    Path dir;

    @Test
    void flushesAndReturnsTheTasksValue() throws Exception {
        try (FileChannel out = FileChannel.open(dir.resolve("f"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             Helper helper = new Helper(out)) {
            out.write(ByteBuffer.wrap("abc".getBytes()));
            helper.flush();
            helper.submit(() -> false);
            helper.submit(() -> true);
            helper.submit(() -> false);
            assertThat(helper.anyTrue()).isTrue();
        }
        assertThat(Files.readString(dir.resolve("f"))).isEqualTo("abc");
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().equals("augctl-merge-helper"));
    }

    @Test
    void aFailedFlushIsThrownByResult() throws Exception {
        FileChannel out = FileChannel.open(dir.resolve("f"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        out.close();
        try (Helper helper = new Helper(out)) {
            helper.flush();
            assertThatThrownBy(helper::anyTrue).isInstanceOf(ClosedChannelException.class);
        }
    }

    @Test
    void aFailedTaskIsThrownByResult() {
        try (Helper helper = new Helper(null)) {
            helper.submit(() -> {
                throw new IOException("boom");
            });
            assertThatThrownBy(helper::anyTrue).isInstanceOf(IOException.class).hasMessage("boom");
        }
    }
}
