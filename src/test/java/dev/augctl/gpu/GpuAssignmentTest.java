package dev.augctl.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Which GPUs each shard gets, and the value of gpus. */
class GpuAssignmentTest {
    private static List<String> devices(GpuAssignment a, int shards) {
        return IntStream.range(0, shards).mapToObj(a::visibleDevices).toList();
    }

    @Test
    void shardIGetsTheIModGthGpu() {
        assertThat(devices(new GpuAssignment(List.of("0", "1", "2"), 1), 7)).containsExactly("0", "1", "2", "0", "1", "2", "0");
        assertThat(devices(new GpuAssignment(List.of("3", "1"), 1), 3)).containsExactly("3", "1", "3");
        assertThat(devices(new GpuAssignment(List.of("0"), 1), 3)).containsExactly("0", "0", "0");
    }

    @Test
    void kPerShardAreConsecutiveAndALeftOverGpuIsNotUsed() {
        GpuAssignment four = new GpuAssignment(List.of("0", "1", "2", "3"), 2);
        assertThat(four.slots()).isEqualTo(2);
        assertThat(devices(four, 5)).containsExactly("0,1", "2,3", "0,1", "2,3", "0,1");
        GpuAssignment five = new GpuAssignment(List.of("0", "1", "2", "3", "4"), 2);
        assertThat(devices(five, 3)).containsExactly("0,1", "2,3", "0,1");
        assertThat(devices(new GpuAssignment(List.of("a", "b", "c"), 3), 2)).containsExactly("a,b,c", "a,b,c");
        assertThatThrownBy(() -> new GpuAssignment(List.of("0"), 2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aNoteOnlyWhenMoreShardsRunAtOnceThanThereAreSlots() {
        GpuAssignment two = new GpuAssignment(List.of("0", "1"), 1);
        assertThat(two.sharingNote(2)).isEmpty();
        assertThat(two.sharingNote(7)).contains("note: 7 shards at once on 2 GPU(s), 1 per shard: shards i and i+2 "
                + "share GPUs (set --jobs 2 to give each running shard its own)");
    }

    @Test
    void theValueOfGpus() {
        assertThat(GpuList.parse("none").none()).isTrue();
        assertThat(GpuList.parse(" ALL ").all()).isTrue();
        assertThat(GpuList.parse("0, 2,1").ids()).containsExactly("0", "2", "1");
        assertThat(GpuList.parse("GPU-1ab72e4e-dadd-7665-26ba-d776ef8439b0").ids()).hasSize(1);
        assertThat(GpuList.parse("1,0")).hasToString("1,0");
        assertThatThrownBy(() -> GpuList.parse("0,,1")).hasMessage(
                "must be none, all or a list of GPU indices or UUIDs such as 0,1; '' in '0,,1' is not one");
        assertThatThrownBy(() -> GpuList.parse("gpu0")).hasMessageContaining("'gpu0' in 'gpu0' is not one");
        assertThatThrownBy(() -> GpuList.parse("1,1")).hasMessage("lists GPU 1 twice in '1,1'");
        assertThatThrownBy(() -> GpuList.parse("")).hasMessageContaining("must be none, all or a list");
    }
}
