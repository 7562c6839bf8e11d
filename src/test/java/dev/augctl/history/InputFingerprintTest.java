package dev.augctl.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputFingerprintTest {
    @TempDir
    Path dir;

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    @Test
    void oneReadGivesTheRowsAndTheChecksumOfEveryByte() throws Exception {
        // a quoted newline, and a file larger than any read buffer
        StringBuilder csv = new StringBuilder("id,text\n1,\"two\nlines\"\n");
        for (int i = 2; i <= 20_000; i++) {
            csv.append(i).append(",row ").append(i).append('\n');
        }
        byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("in.csv"), bytes);
        assertThat(InputFingerprint.of(file)).isEqualTo(new InputFingerprint(sha256(bytes), 20_000L));
        assertThat(InputFingerprint.sha256(file)).isEqualTo(sha256(bytes));
    }

    @Test
    void aFileTheParserCannotReadStillHasItsChecksum() throws Exception {
        byte[] bytes = "id,text\n1,\"never closed\n2,x\n".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(dir.resolve("bad.csv"), bytes);
        assertThat(InputFingerprint.of(file)).isEqualTo(new InputFingerprint(sha256(bytes), null));
        assertThat(InputFingerprint.of(dir.resolve("none.csv"))).isEqualTo(new InputFingerprint(null, null));
    }
}
