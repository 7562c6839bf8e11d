package dev.augctl.generate.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ColumnTypeTest {
    private static ColumnType infer(String... values) {
        ColumnType t = null;
        for (String v : values) {
            t = ColumnType.widen(t, v);
        }
        return ColumnType.orString(t);
    }

    @Test
    void typesAsPandasReadsThemFromACsv() {
        assertThat(infer("1", "0", "-12", "+3")).isEqualTo(ColumnType.INT64);
        assertThat(infer("1", "2.5")).isEqualTo(ColumnType.DOUBLE);
        assertThat(infer("1e3", ".5", "7.")).isEqualTo(ColumnType.DOUBLE);
        assertThat(infer("true", "False", "TRUE")).isEqualTo(ColumnType.BOOLEAN);
        assertThat(infer("s_101", "s_102")).isEqualTo(ColumnType.STRING);
        assertThat(infer("99999999999999999999")).isEqualTo(ColumnType.DOUBLE); // beyond int64
    }

    @Test
    void oneValueThatDoesNotParseKeepsTheColumnAStringAndEmptyCellsDoNotCount() {
        assertThat(infer("1", "2", "n/a", "4")).isEqualTo(ColumnType.STRING);
        assertThat(infer("1", "true")).isEqualTo(ColumnType.STRING);
        assertThat(infer("", "3", "")).isEqualTo(ColumnType.INT64);
        assertThat(infer("", "")).isEqualTo(ColumnType.STRING);
    }

    @Test
    void cellsParseToTheirTypeAndEmptyCellsToNull() {
        assertThat(List.of(ColumnType.INT64.parse("42"), ColumnType.DOUBLE.parse("2"), ColumnType.BOOLEAN.parse("False"),
                ColumnType.STRING.parse("x"))).containsExactly(42L, 2.0, false, "x");
        assertThat(ColumnType.INT64.parse("")).isNull();
        assertThat(ColumnType.STRING.parse("")).isNull();
    }
}
