package dev.augctl.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextTableTest {
    @Test
    void columnsArePaddedToTheWidestCellTwoSpacesApartWithoutTrailingSpaces() {
        List<String[]> rows = List.of(
                new String[] {"shard", "file", "rows"},
                new String[] {"0", "a.csv", "12345"},
                new String[] {"total", "", "7"});
        assertThat(TextTable.lines(rows, column -> column != 1)).containsExactly(
                "shard  file    rows",
                "    0  a.csv  12345",
                "total             7");
        assertThat(TextTable.lines(rows, column -> false)).containsExactly(
                "shard  file   rows",
                "0      a.csv  12345",
                "total         7");
    }
}
