package dev.augctl.generate.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/**
 * The dataset as Parquet, Zstd-compressed, written without Hadoop: a {@link LocalOutputFile}, a
 * {@link PlainParquetConfiguration} and {@link LocalCodecFactory}. The input columns are typed as
 * pandas would read the CSV ({@link ColumnType}: INT64, DOUBLE, BOOLEAN or UTF-8 strings) and optional
 * (an empty cell is null), the text column a required string; {@code source_id} has the id column's
 * type; {@code variant} is INT32 and {@code similarity} DOUBLE.
 * The file holds no timestamp, so equal rows give equal bytes.
 */
final class ParquetDatasetWriter implements DatasetWriter {
    /** Row groups of at most 64 MB keep a shard's memory bounded whatever the input size. */
    private static final long ROW_GROUP_BYTES = 64L << 20;

    private final ParquetWriter<Row> writer;
    private final Row row = new Row();

    ParquetDatasetWriter(Path file, Layout layout) throws IOException {
        MessageType schema = schema(layout);
        this.writer = new Builder(new LocalOutputFile(file), new RowWriteSupport(schema, layout))
                .withConf(new PlainParquetConfiguration())
                .withCodecFactory(new LocalCodecFactory())
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withRowGroupSize(ROW_GROUP_BYTES)
                // Plain encoding: a dataset's strings are mostly distinct (each variant, each row's id and
                // text), so the dictionary only hashed every value before falling back; without it a
                // combo writes with about 14 % less CPU and Zstd makes the file 6 % smaller
                // (docs/BENCHMARKS.md, "Per-shard cost").
                .withDictionaryEncoding(false)
                .build();
    }

    static MessageType schema(Layout layout) {
        Types.MessageTypeBuilder b = Types.buildMessage();
        List<String> columns = layout.inputColumns();
        for (int i = 0; i < columns.size(); i++) {
            // an input column may hold empty cells (nulls); the text column never does
            b.addField(field(columns.get(i), layout.types().get(i), i == layout.textIndex()));
        }
        b.addField(field("source_id", layout.types().get(layout.idIndex()), true));
        b.required(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named("combo");
        b.required(PrimitiveTypeName.INT32).named("variant");
        b.required(PrimitiveTypeName.DOUBLE).named("similarity");
        return b.named("augctl_dataset");
    }

    private static PrimitiveTypeName primitiveOf(ColumnType t) {
        return switch (t) {
            case INT64 -> PrimitiveTypeName.INT64;
            case DOUBLE -> PrimitiveTypeName.DOUBLE;
            case BOOLEAN -> PrimitiveTypeName.BOOLEAN;
            case STRING -> PrimitiveTypeName.BINARY;
        };
    }

    /** Strings are BINARY annotated as UTF-8; the other types are plain primitives. */
    private static PrimitiveType field(String name, ColumnType t, boolean required) {
        Types.PrimitiveBuilder<PrimitiveType> p = required ? Types.required(primitiveOf(t)) : Types.optional(primitiveOf(t));
        return (t == ColumnType.STRING ? p.as(LogicalTypeAnnotation.stringType()) : p).named(name);
    }

    @Override
    public void write(String[] inputRow, String text, int variant, double similarity) throws IOException {
        row.input = inputRow;
        row.text = text;
        row.variant = variant;
        row.similarity = similarity;
        writer.write(row);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /** The row being written (one reused holder: the writer copies the values into its pages). */
    private static final class Row {
        String[] input;
        String text;
        int variant;
        double similarity;
    }

    private static final class RowWriteSupport extends WriteSupport<Row> {
        private final MessageType schema;
        private final Layout layout;
        private final Binary combo;
        private RecordConsumer consumer;

        RowWriteSupport(MessageType schema, Layout layout) {
            this.schema = schema;
            this.layout = layout;
            this.combo = Binary.fromString(layout.combo());
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public WriteContext init(Configuration configuration) {
            return new WriteContext(schema, Map.of());
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        /** The input row last written and its typed values: a row's variants come one after another. */
        private String[] lastInput;
        private Object[] lastValues;

        @Override
        public void write(Row r) {
            List<String> columns = layout.inputColumns();
            int n = columns.size();
            if (r.input != lastInput) {
                lastInput = r.input;
                lastValues = new Object[n];
                for (int i = 0; i < n; i++) {
                    lastValues[i] = i == layout.textIndex() ? null : typed(layout.types().get(i), r.input[i]);
                }
            }
            consumer.startMessage();
            for (int i = 0; i < n; i++) {
                value(columns.get(i), i, i == layout.textIndex() ? Binary.fromString(r.text) : lastValues[i]);
            }
            int id = layout.idIndex();
            value("source_id", n, id != layout.textIndex() ? lastValues[id] : typed(layout.types().get(id), r.input[id]));
            consumer.startField("combo", n + 1);
            consumer.addBinary(combo);
            consumer.endField("combo", n + 1);
            consumer.startField("variant", n + 2);
            consumer.addInteger(r.variant);
            consumer.endField("variant", n + 2);
            consumer.startField("similarity", n + 3);
            consumer.addDouble(r.similarity);
            consumer.endField("similarity", n + 3);
            consumer.endMessage();
        }

        /** A cell as the consumer takes it: Binary for strings, Long, Double, Boolean, null when empty. */
        private static Object typed(ColumnType type, String cell) {
            Object v = type.parse(cell);
            return v instanceof String s ? Binary.fromString(s) : v;
        }

        /** Writes a field; a null (an empty cell of an optional column) is written by leaving the field out. */
        private void value(String field, int index, Object value) {
            if (value == null) {
                return;
            }
            consumer.startField(field, index);
            if (value instanceof Binary b) {
                consumer.addBinary(b);
            } else if (value instanceof Long l) {
                consumer.addLong(l);
            } else if (value instanceof Double d) {
                consumer.addDouble(d);
            } else {
                consumer.addBoolean((Boolean) value);
            }
            consumer.endField(field, index);
        }
    }

    private static final class Builder extends ParquetWriter.Builder<Row, Builder> {
        private final RowWriteSupport support;

        Builder(OutputFile file, RowWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<Row> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }
}
