package dev.augctl.merge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.common.AugctlException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte-level scanner against Commons CSV (through {@link ManifestCsv}, the reference reading) on
 * thousands of generated manifests, with buffers from 16 bytes up so that records straddle every
 * refill: the same records, values and line numbers, and the same output bytes; it declines every
 * file Commons CSV rejects, and declines a file Commons CSV accepts only for the input it documents
 * as handed over (bytes that are not UTF-8, white space after a closing quote).
 */
class ManifestScannerTest {
    private static final List<String> HEADER = List.of("combo", "rows", "note", "path", "rejected");

    @TempDir
    Path dir;

    /** What a reading found: every record's values and first line, or the error. */
    private record Reading(List<List<String>> records, List<Long> lines, String error) {
    }

    @Test
    void agreesWithCommonsCsvOnGeneratedManifests() throws IOException {
        int scannedFully = 0;
        int rejectedByBoth = 0;
        for (int seed = 0; seed < 3000; seed++) {
            Random random = new Random(seed);
            CsvFuzz fuzz = new CsvFuzz(random, seed % 2 == 1, 40);
            byte[] bytes = fuzz.manifest(HEADER, random.nextInt(12), 0, List.of(1, 4));
            Path file = Files.write(dir.resolve("m" + seed + ".csv"), bytes);
            int buffer = seed % 5 == 0 ? FastPass.BUFFER : 16 + random.nextInt(64);
            Reading reference = commonsCsv(file);
            Reading scanned = scanned(file, buffer);
            String context = "seed " + seed + ", buffer " + buffer + ", file " + Arrays.toString(bytes);
            if (scanned.error() == null) {
                assertThat(reference.error()).as(context).isNull();
                assertThat(scanned.records()).as(context).isEqualTo(reference.records());
                assertThat(scanned.lines()).as(context).isEqualTo(reference.lines());
                assertSameOutput(file, reference, buffer, context);
                scannedFully++;
            } else if (reference.error() != null) {
                rejectedByBoth++;
            } else {
                assertThat(fuzz.handedOver()).as(context + ": declined " + scanned.error()).isTrue();
                assertThat(scanned.error()).as(context).isIn("bytes that are not UTF-8", "a character after a closing quote");
            }
        }
        assertThat(scannedFully).as("files read by both").isGreaterThan(1500);
        assertThat(rejectedByBoth).as("files rejected by both").isGreaterThan(100);
    }

    @Test
    void keepsBomCrlfQuotedLineBreaksAndLineNumbers() throws IOException {
        Path file = Files.write(dir.resolve("m.csv"), ("\uFEFFcombo,rows\r\n\r\na,1\r\n\"b\r\nc\",\"2\"\r\n\n"
                + "\"d,\"\"e\"\"\",3").getBytes(StandardCharsets.UTF_8));
        Reading scanned = scanned(file, 16);
        assertThat(scanned.error()).isNull();
        assertThat(scanned.records()).containsExactly(List.of("combo", "rows"), List.of("a", "1"),
                List.of("b\r\nc", "2"), List.of("d,\"e\"", "3"));
        assertThat(scanned.lines()).containsExactly(1L, 3L, 4L, 7L);
        assertThat(new String(output(file, 16), StandardCharsets.UTF_8)).isEqualTo("a,1\n\"b\r\nc\",2\n\"d,\"\"e\"\"\",3\n");
    }

    @Test
    void tellsWhenTheRowsAreAlreadyInOutputForm() throws IOException {
        Path plain = Files.writeString(dir.resolve("plain.csv"), "combo,rows\r\na,1\nb,\"x,y\"\n");
        Path crlf = Files.writeString(dir.resolve("crlf.csv"), "combo,rows\na,1\r\nb,2\r\n");
        Path quoted = Files.writeString(dir.resolve("quoted.csv"), "combo,rows\na,\"1\"\n");
        Path blank = Files.writeString(dir.resolve("blank.csv"), "combo,rows\na,1\n\nb,2\n");
        Path unterminated = Files.writeString(dir.resolve("last.csv"), "combo,rows\na,1");
        assertThat(outputForm(plain)).isTrue();
        assertThat(outputForm(crlf)).isFalse();
        assertThat(outputForm(quoted)).isFalse();
        assertThat(outputForm(blank)).isFalse();
        assertThat(outputForm(unterminated)).isFalse();
    }

    private boolean outputForm(Path file) throws IOException {
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ManifestScanner scanner = new ManifestScanner(in, null, 16);
            while (scanner.next()) {
                assertThat(scanner.dataOffset()).isEqualTo(Files.readString(file).indexOf('\n') + 1);
            }
            return scanner.dataInOutputForm();
        }
    }

    /** The scanner's output equals the reference writer's, and a file in output form is that output. */
    private void assertSameOutput(Path file, Reading reference, int buffer, String context) throws IOException {
        StringWriter expected = new StringWriter();
        CsvOut csv = new CsvOut(expected);
        for (List<String> record : reference.records().subList(1, reference.records().size())) {
            csv.record(record.toArray(new String[0]));
        }
        csv.flush();
        byte[] want = expected.toString().getBytes(StandardCharsets.UTF_8);
        assertThat(output(file, buffer)).as(context).isEqualTo(want);
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ManifestScanner scanner = new ManifestScanner(in, null, buffer);
            while (scanner.next()) {
                // read to the end
            }
            if (scanner.dataInOutputForm()) {
                byte[] all = Files.readAllBytes(file);
                assertThat(Arrays.copyOfRange(all, (int) scanner.dataOffset(), all.length)).as(context).isEqualTo(want);
            }
        }
    }

    private static byte[] output(Path file, int buffer) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ManifestScanner scanner = new ManifestScanner(in, out, buffer);
            if (scanner.next()) {
                scanner.skip();
                while (scanner.next()) {
                    // each record goes out as the scanner moves on
                }
            }
            scanner.finish();
        }
        return out.toByteArray();
    }

    private static Reading commonsCsv(Path file) {
        List<List<String>> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (ManifestCsv csv = ManifestCsv.open(file)) {
            records.add(csv.header());
            lines.add(csv.line());
            for (CSVRecord r = csv.next(); r != null; r = csv.next()) {
                records.add(r.toList());
                lines.add(csv.line());
            }
        } catch (AugctlException e) {
            return new Reading(records, lines, e.getMessage());
        }
        return new Reading(records, lines, null);
    }

    private static Reading scanned(Path file, int buffer) throws IOException {
        List<List<String>> records = new ArrayList<>();
        List<Long> lines = new ArrayList<>();
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            ManifestScanner scanner = new ManifestScanner(in, null, buffer);
            while (scanner.next()) {
                List<String> values = new ArrayList<>();
                for (int f = 0; f < scanner.fields(); f++) {
                    values.add(scanner.value(f));
                }
                records.add(values);
                lines.add(scanner.line());
            }
        } catch (ManifestScanner.Unusual e) {
            return new Reading(records, lines, e.getMessage());
        }
        return new Reading(records, lines, null);
    }
}
