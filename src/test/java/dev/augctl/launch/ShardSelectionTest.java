package dev.augctl.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ShardSelectionTest {
    @Test
    void listsAndRangesAreSortedAndDistinct() {
        assertThat(ShardSelection.parse("5,2", 7)).containsExactly(2, 5);
        assertThat(ShardSelection.parse("0-3", 7)).containsExactly(0, 1, 2, 3);
        assertThat(ShardSelection.parse("6, 1-2,2", 7)).containsExactly(1, 2, 6);
    }

    @Test
    void badListsNameTheProblem() {
        assertThatThrownBy(() -> ShardSelection.parse("7", 7)).hasMessageContaining("shard 7 is out of range 0-6 for 7 shards");
        assertThatThrownBy(() -> ShardSelection.parse("-1", 7)).hasMessageContaining("shard -1 is out of range");
        assertThatThrownBy(() -> ShardSelection.parse("1,,2", 7)).hasMessageContaining("empty item");
        assertThatThrownBy(() -> ShardSelection.parse("a-b", 7)).hasMessageContaining("'a' is not a shard index");
    }
}
