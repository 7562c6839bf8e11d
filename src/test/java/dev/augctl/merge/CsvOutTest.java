package dev.augctl.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;

class CsvOutTest {
    private static String write(String[]... records) throws IOException {
        StringWriter w = new StringWriter();
        CsvOut out = new CsvOut(w);
        for (String[] r : records) {
            out.record(r);
        }
        out.flush();
        return w.toString();
    }

    @Test
    void quotesOnlyWhatNeedsQuotes() throws IOException {
        assertThat(write(new String[] {"a", "b c", ""}, new String[] {"x,y", "say \"hi\"", "1\n2", "cr\r"}))
                .isEqualTo("a,b c,\n\"x,y\",\"say \"\"hi\"\"\",\"1\n2\",\"cr\r\"\n");
    }

    @Test
    void quotesALoneEmptyValueSoItIsNotABlankLine() throws IOException {
        assertThat(write(new String[] {""}, new String[] {"v"})).isEqualTo("\"\"\nv\n");
    }

    @Test
    void roundTripsThroughCommonsCsvBeyondTheBufferSize() throws IOException {
        String big = "q\"".repeat(50_000) + ",\n";
        String text = write(new String[] {big, "z"}, new String[] {"a", big});
        try (CSVParser p = CSVParser.parse(new StringReader(text), CSVFormat.RFC4180)) {
            var records = p.getRecords();
            assertThat(records).hasSize(2);
            assertThat(records.get(0).toList()).isEqualTo(List.of(big, "z"));
            assertThat(records.get(1).toList()).isEqualTo(List.of("a", big));
        }
    }
}
