package dev.augctl.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
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
    /** The fingerprint of a CSV input with a header row; parts that cannot be read are null. */
    public static InputFingerprint of(Path csv) {
        String sha;
        try {
            sha = sha256(csv);
        } catch (IOException e) {
            return new InputFingerprint(null, null);
        }
        Long rows;
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
            long n = 0;
            for (var ignored : p) {
                n++;
            }
            rows = n;
        } catch (IOException | RuntimeException e) {
            rows = null;
        }
        return new InputFingerprint(sha, rows);
    }

    /** SHA-256 of a file's bytes, lower-case hex. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
