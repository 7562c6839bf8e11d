package dev.augctl.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesContentAndLeavesNoTempFile() throws IOException {
        Path target = dir.resolve("out.csv");
        AtomicFiles.writeString(target, "a,b\n");
        assertThat(target).hasContent("a,b");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void failedWriteKeepsTheOldFileAndRemovesTheTemp() throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old");
        assertThatThrownBy(() -> AtomicFiles.write(target, out -> {
            out.write("half".getBytes());
            throw new IOException("disk full");
        })).hasMessage(target + ": disk full"); // a write error is named by the file being written
        assertThat(target).hasContent("old");
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void writtenFilesAreReadableByOthersAsUsual() throws IOException {
        Path target = dir.resolve("meta.json");
        AtomicFiles.writeString(target, "{}");
        assertThat(Files.getPosixFilePermissions(target))
                .contains(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OTHERS_READ);
    }

    @Test
    void suggestFindsNearestName() {
        assertThat(Suggest.nearest("num_shard", java.util.List.of("seed", "num_shards", "jobs"))).isEqualTo("num_shards");
        assertThat(Suggest.nearest("zzzzzz", java.util.List.of("seed", "jobs"))).isNull();
    }
}
