package dev.augctl.generate.output;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The dataset as JSON Lines: one object per row, keys in column order, typed values ({@link ColumnType}), UTF-8. */
final class JsonlDatasetWriter implements DatasetWriter {
    private final Layout layout;
    private final List<String> columns;
    private final JsonGenerator json;
    private long rows;

    JsonlDatasetWriter(Path file, Layout layout) throws IOException {
        this.layout = layout;
        this.columns = layout.inputColumns();
        this.json = new JsonFactory().createGenerator(file.toFile(), JsonEncoding.UTF8);
        json.setRootValueSeparator(new com.fasterxml.jackson.core.io.SerializedString("\n"));
    }

    @Override
    public void write(String[] inputRow, String text, int variant, double similarity) throws IOException {
        json.writeStartObject();
        for (int i = 0; i < inputRow.length; i++) {
            json.writeFieldName(columns.get(i));
            value(i == layout.textIndex() ? text : layout.types().get(i).parse(inputRow[i]));
        }
        json.writeFieldName("source_id");
        value(layout.types().get(layout.idIndex()).parse(inputRow[layout.idIndex()]));
        json.writeStringField("combo", layout.combo());
        json.writeNumberField("variant", variant);
        json.writeNumberField("similarity", similarity);
        json.writeEndObject();
        rows++;
    }

    private void value(Object v) throws IOException {
        if (v == null) {
            json.writeNull();
        } else if (v instanceof Long l) {
            json.writeNumber(l);
        } else if (v instanceof Double d) {
            json.writeNumber(d);
        } else if (v instanceof Boolean b) {
            json.writeBoolean(b);
        } else {
            json.writeString((String) v);
        }
    }

    @Override
    public void close() throws IOException {
        if (rows > 0) {
            json.writeRaw('\n');
        }
        json.close();
    }
}
