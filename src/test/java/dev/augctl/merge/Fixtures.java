package dev.augctl.merge;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;

/** Shard manifests, datasets and directory snapshots for the merge tests. */
public final class Fixtures {
    /** The worker's manifest header. */
    public static final String HEADER = "combo,methods,rows,rejected,path,shard_index,num_shards,seconds";

    private static final MessageType SCHEMA = MessageTypeParser.parseMessageType(
            "message dataset { required binary sentence_text (STRING); required int32 variant; }");

    private Fixtures() {
    }

    /** A manifest row in the worker's format for {@code combo}, in shard {@code i} of {@code n}. */
    public static String row(String combo, long rows, long rejected, int i, int n) {
        return combo + "," + combo.replaceFirst("^combo_\\d+_", "") + "," + rows + "," + rejected + "," + combo
                + "/dataset.parquet," + i + "," + n + ",1.5";
    }

    /** Writes {@code manifest_shard{i}_of_{n}.csv} with the given lines (LF line ends). */
    public static Path manifest(Path root, int i, int n, String... lines) throws IOException {
        return write(root.resolve("manifest_shard" + i + "_of_" + n + ".csv"), String.join("\n", lines) + "\n");
    }

    /** Writes a worker manifest (header plus one row per combo, with rows 100 * (k + 1)). */
    public static Path workerManifest(Path root, int i, int n, String... combos) throws IOException {
        String[] lines = new String[combos.length + 1];
        lines[0] = HEADER;
        for (int k = 0; k < combos.length; k++) {
            lines[k + 1] = row(combos[k], 100L * (k + 1), k, i, n);
        }
        return manifest(root, i, n, lines);
    }

    public static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    /** Writes a real Parquet file of {@code rows} rows (uncompressed, no Hadoop needed). */
    public static Path parquet(Path file, int rows) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
        try (ParquetWriter<Group> writer = ExampleParquetWriter.builder(new LocalOutputFile(file))
                .withConf(new PlainParquetConfiguration())
                .withType(SCHEMA)
                .withCodecFactory(new UncompressedCodecFactory())
                .withCompressionCodec(CompressionCodecName.UNCOMPRESSED)
                .build()) {
            for (int r = 0; r < rows; r++) {
                writer.write(groups.newGroup().append("sentence_text", "text " + r).append("variant", r % 2));
            }
        }
        return file;
    }

    /** Every file under {@code root} (relative name to SHA-256 of its content): to prove nothing changed. */
    public static Map<String, String> snapshot(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                if (Files.isRegularFile(p)) {
                    files.put(root.relativize(p).toString(), sha256(Files.readAllBytes(p)));
                }
            }
        }
        return files;
    }

    /** The names directly under {@code root}, sorted. */
    public static List<String> names(Path root) throws IOException {
        try (Stream<Path> all = Files.list(root)) {
            return all.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
