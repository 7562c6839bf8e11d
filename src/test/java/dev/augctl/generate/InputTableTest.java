package dev.augctl.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.augctl.common.AugctlException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputTableTest {
    private static final Columns COLS = new Columns("text", "text", "crit", "label", "id");

    @TempDir
    Path dir;

    private Path csv(String content) throws Exception {
        return Files.writeString(dir.resolve("in.csv"), content);
    }

    @Test
    void readsBomQuotedNewlinesAndCommas() throws Exception {
        Path f = csv("\uFEFFid,text,crit,label\r\na,\"one, two\nthree\",C,1\r\nb,plain,C,0\r\n");
        InputTable t = InputTable.read(f, COLS);
        assertThat(t.header()).containsExactly("id", "text", "crit", "label");
        assertThat(t.size()).isEqualTo(2);
        assertThat(t.text(0)).isEqualTo("one, two\nthree");
        assertThat(t.id(1)).isEqualTo("b");
    }

    @Test
    void missingColumnNamesTheColumnTheFileAndTheAvailableOnes() throws Exception {
        Path f = csv("id,text,crit\na,x,C\n");
        assertThatThrownBy(() -> InputTable.read(f, COLS))
                .isInstanceOf(AugctlException.class)
                .hasMessage("input " + f + " has no column 'label' (--label-col); available columns: id, text, crit");
    }

    @Test
    void emptyTextNamesTheLineAfterAQuotedNewline() throws Exception {
        Path f = csv("id,text,crit,label\na,\"two\nlines\",C,1\nb,\"  \",C,1\n");
        assertThatThrownBy(() -> InputTable.read(f, COLS))
                .hasMessage(f + " line 4: empty value in column 'text'")
                .extracting(e -> ((AugctlException) e).exitCode()).isEqualTo(2);
    }

    @Test
    void duplicateIdNamesBothLines() throws Exception {
        Path f = csv("id,text,crit,label\na,x,C,1\nb,y,C,1\na,z,C,1\n");
        assertThatThrownBy(() -> InputTable.read(f, COLS))
                .hasMessage(f + ": duplicate id 'a' in column 'id' on lines 2 and 4");
    }

    @Test
    void raggedRowAndMissingFileAreBadInput() throws Exception {
        Path f = csv("id,text,crit,label\na,x,C\n");
        assertThatThrownBy(() -> InputTable.read(f, COLS)).hasMessage(f + " line 2: 3 fields, but the header has 4");
        assertThatThrownBy(() -> InputTable.read(dir.resolve("nope.csv"), COLS))
                .hasMessage("input file not found: " + dir.resolve("nope.csv"));
    }
}
