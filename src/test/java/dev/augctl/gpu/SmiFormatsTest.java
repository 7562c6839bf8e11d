package dev.augctl.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/** nvidia-smi's formats, first exactly as captured on an H200, then the variants other machines print. */
class SmiFormatsTest {
    @Test
    void theCapturedH200AnswersParse() throws IOException {
        assertThat(SmiFormats.listIndices(FakeNvidiaSmi.captured("L.txt"))).containsExactly("0");
        assertThat(SmiFormats.devices(FakeNvidiaSmi.captured("query-gpu.csv"))).containsExactly(
                new GpuSample.Device(0, FakeNvidiaSmi.UUID, "NVIDIA H200", 100, 4553L, 143771L));
        assertThat(SmiFormats.apps(FakeNvidiaSmi.captured("query-compute-apps.csv"))).containsExactly(
                new GpuSample.App(469, "python3", 1792L, FakeNvidiaSmi.UUID),
                new GpuSample.App(470, "python3", 2746L, FakeNvidiaSmi.UUID));
        assertThat(SmiFormats.pmon(FakeNvidiaSmi.captured("pmon-c1.txt"))).containsExactly(
                new GpuSample.ProcessLoad(0, 469, 42), new GpuSample.ProcessLoad(0, 470, 56));
    }

    @Test
    void severalGpusMigLinesMissingValuesAndIdleGpus() {
        String list = "GPU 0: NVIDIA A100-SXM4-80GB (UUID: GPU-aaa)\n"
                + "  MIG 3g.40gb     Device  0: (UUID: MIG-bbb)\n"
                + "GPU 1: NVIDIA A100-SXM4-80GB (UUID: GPU-ccc)\n";
        assertThat(SmiFormats.listIndices(list)).containsExactly("0", "1");
        assertThat(SmiFormats.devices("0, GPU-aaa, NVIDIA A100, 80GB, [N/A], 10, 81920\n1, GPU-ccc, Tesla T4, 0, 0, 15360\n"))
                .containsExactly(new GpuSample.Device(0, "GPU-aaa", "NVIDIA A100, 80GB", null, 10L, 81920L),
                        new GpuSample.Device(1, "GPU-ccc", "Tesla T4", 0, 0L, 15360L));
        assertThat(SmiFormats.apps("12, [Not Found], [N/A], GPU-aaa\n")).containsExactly(
                new GpuSample.App(12, "[Not Found]", null, "GPU-aaa"));
        // An older driver without jpg/ofa columns; an idle GPU prints "-" for its pid; a process without SM figure.
        String pmon = "# gpu        pid  type    sm   mem   enc   dec   command\n"
                + "# Idx          #   C/G     %     %     %     %   name\n"
                + "    0          -     -     -     -     -     -   -\n"
                + "    1       4242     C     -     1     -     -   python\n";
        assertThat(SmiFormats.pmon(pmon)).containsExactly(new GpuSample.ProcessLoad(1, 4242, null));
        assertThat(SmiFormats.devices("No devices were found\n")).isEmpty();
    }

    @Test
    void usageSumsTheTreesProcessesOnly() throws IOException {
        GpuSample s = new GpuSample(SmiFormats.devices(FakeNvidiaSmi.captured("query-gpu.csv")),
                SmiFormats.apps(FakeNvidiaSmi.captured("query-compute-apps.csv")),
                SmiFormats.pmon(FakeNvidiaSmi.captured("pmon-c1.txt")));
        assertThat(s.usage(java.util.List.of(1L, 469L, 470L))).isEqualTo(new GpuSample.Usage(1792L + 2746L, 42 + 56));
        assertThat(s.usage(java.util.List.of(470L))).isEqualTo(new GpuSample.Usage(2746L, 56));
        assertThat(s.usage(java.util.List.of(5L))).isEqualTo(new GpuSample.Usage(0L, 0));
        assertThat(new GpuSample(s.devices(), null, null).usage(java.util.List.of(469L)))
                .isEqualTo(new GpuSample.Usage(null, null));
    }
}
