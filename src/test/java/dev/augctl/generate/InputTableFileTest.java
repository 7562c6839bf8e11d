package dev.augctl.generate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.augctl.history.InputFingerprint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputTableFileTest {
    private static final Columns COLS = new Columns("text", "text", "crit", "label", "id");

    @TempDir
    Path dir;

    private Path csv() throws Exception {
        // quoted newline and comma, non-ASCII, an empty cell, typed columns
        return Files.writeString(dir.resolve("in.csv"),
                "id,text,crit,label,score,note\r\n"
                        + "a,\"one, two\nthree\",C,1,0.5,\r\n"
                        + "b,caf\u00e9 \uD83D\uDE00,C,0,2,x\r\n");
    }

    private Path table(Path csv) throws Exception {
        Path file = dir.resolve("input.table");
        InputTableFile.write(file, InputTable.read(csv, COLS));
        return file;
    }

    @Test
    void aTableReadsBackAsTheCsvReadsWithItsTypesAndChecksum() throws Exception {
        Path csv = csv();
        InputTable parsed = InputTable.read(csv, COLS);
        InputTableFile.Read r = InputTableFile.read(table(csv), csv, COLS);
        assertThat(r.whyNot()).isNull();
        InputTable t = r.table();
        assertThat(parsed.sha256()).isEqualTo(InputFingerprint.sha256(csv)); // the read hashes what it parses
        assertThat(t.sha256()).isEqualTo(parsed.sha256());
        assertThat(t.file()).isEqualTo(csv);
        assertThat(t.header()).isEqualTo(parsed.header());
        assertThat(t.size()).isEqualTo(parsed.size());
        for (int i = 0; i < t.size(); i++) {
            assertThat(Arrays.asList(t.row(i))).isEqualTo(Arrays.asList(parsed.row(i)));
        }
        assertThat(t.columnTypes()).isEqualTo(parsed.columnTypes());
        assertThat(t.textIndex()).isEqualTo(parsed.textIndex());
        assertThat(t.idIndex()).isEqualTo(parsed.idIndex());
    }

    @Test
    void aTableOfAChangedCsvOtherRolesOrAnotherFileIsNotUsed() throws Exception {
        Path csv = csv();
        Path file = table(csv);
        assertThat(InputTableFile.read(file, csv, new Columns("text", "text", "crit", "score", "id")).whyNot())
                .isEqualTo("made with other column roles");
        Path other = Files.copy(csv, dir.resolve("other.csv"));
        assertThat(InputTableFile.read(file, other, COLS).whyNot()).startsWith("made from another input file");
        Files.setLastModifiedTime(csv, FileTime.fromMillis(Files.getLastModifiedTime(csv).toMillis() + 2000));
        assertThat(InputTableFile.read(file, csv, COLS).table()).isNull();
    }

    @Test
    void aMissingCutOrForeignTableIsNotUsedAndSaysWhy() throws Exception {
        Path csv = csv();
        assertThat(InputTableFile.read(dir.resolve("none.table"), csv, COLS).whyNot()).isEqualTo("no such file");
        byte[] whole = Files.readAllBytes(table(csv));
        Path cut = Files.write(dir.resolve("cut.table"), Arrays.copyOf(whole, whole.length - 3));
        assertThat(InputTableFile.read(cut, csv, COLS).whyNot()).isEqualTo("cut short");
        Path longer = Files.write(dir.resolve("longer.table"), Arrays.copyOf(whole, whole.length + 1));
        assertThat(InputTableFile.read(longer, csv, COLS).whyNot()).isEqualTo("longer than its rows");
        Path foreign = Files.writeString(dir.resolve("foreign.table"), "id,text\n");
        assertThat(InputTableFile.read(foreign, csv, COLS).whyNot()).isEqualTo("not an input table of this augctl version");
    }
}
