package dev.augctl.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/** What the history knows an input by: its SHA-256 and its number of data rows. */
public record InputFingerprint(String sha256, Long rows) {
    /**
     * The fingerprint of a CSV input with a header row, from one read of the file (the bytes counted
     * are the bytes hashed); parts that cannot be read are null.
     */
    public static InputFingerprint of(Path csv) {
        try (DigestInputStream in = hashing(Files.newInputStream(csv))) {
            Long rows = rows(in);
            in.transferTo(OutputStream.nullOutputStream()); // whatever the parser left unread
            return new InputFingerprint(hex(in), rows);
        } catch (IOException e) {
            return new InputFingerprint(null, null);
        }
    }

    /** Data rows of the CSV read from {@code in} (left open), or null when the parser cannot read it. */
    private static Long rows(InputStream in) {
        try {
            CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            long n = 0;
            for (var ignored : p) {
                n++;
            }
            return n;
        } catch (IOException | RuntimeException e) {
            return null; // not a CSV the parser reads: the checksum still stands
        }
    }

    /** SHA-256 of a file's bytes, lower-case hex. */
    public static String sha256(Path file) throws IOException {
        try (DigestInputStream in = hashing(Files.newInputStream(file))) {
            in.transferTo(OutputStream.nullOutputStream());
            return hex(in);
        }
    }

    /** {@code in}, hashing with SHA-256 what is read through it. */
    public static DigestInputStream hashing(InputStream in) {
        try {
            return new DigestInputStream(in, MessageDigest.getInstance("SHA-256"));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The lower-case hex checksum of what was read through {@code in} (from {@link #hashing}). */
    public static String hex(DigestInputStream in) {
        return HexFormat.of().formatHex(in.getMessageDigest().digest());
    }
}
