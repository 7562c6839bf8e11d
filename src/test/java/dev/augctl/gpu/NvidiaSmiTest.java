package dev.augctl.gpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.augctl.common.AugctlException;
import dev.augctl.common.ExitCode;
import dev.augctl.common.ProcessTree;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Running nvidia-smi: the three calls of a reading, no nvidia-smi, a failing one, a hanging one. */
class NvidiaSmiTest {
    @TempDir
    Path dir;

    @Test
    void aReadingAsksTheThreeQueriesOnceEach() throws Exception {
        FakeNvidiaSmi fake = FakeNvidiaSmi.in(dir.resolve("smi"));
        GpuSample s = fake.smi(Duration.ofSeconds(20)).sample().orElseThrow();
        assertThat(s.devices()).extracting(GpuSample.Device::name).containsExactly("NVIDIA H200");
        assertThat(s.apps()).extracting(GpuSample.App::pid).containsExactly(469L, 470L);
        assertThat(s.loads()).extracting(GpuSample.ProcessLoad::smPercent).containsExactly(42, 56);
        assertThat(fake.calls()).containsExactlyInAnyOrder(
                "--query-gpu=index,uuid,name,utilization.gpu,memory.used,memory.total --format=csv,noheader,nounits",
                "--query-compute-apps=pid,process_name,used_memory,gpu_uuid --format=csv,noheader,nounits",
                "pmon -c 1");
    }

    @Test
    void noNvidiaSmiIsNoReadingAndIsNotAskedAgain() {
        NvidiaSmi smi = new NvidiaSmi(dir.resolve("absent/nvidia-smi").toString(), Duration.ofSeconds(5));
        assertThat(smi.sample()).isEmpty();
        assertThat(smi.sample()).isEmpty();
    }

    @Test
    void aFailingGpuQueryIsNoReadingAndAFailingProcessListIsUnknown() throws Exception {
        FakeNvidiaSmi fake = FakeNvidiaSmi.in(dir.resolve("smi"));
        fake.fail("pmon-c1.txt");
        GpuSample s = fake.smi(Duration.ofSeconds(20)).sample().orElseThrow();
        assertThat(s.loads()).isNull();
        assertThat(s.usage(java.util.List.of(469L))).isEqualTo(new GpuSample.Usage(1792L, null));
        fake.fail("query-gpu.csv");
        assertThat(fake.smi(Duration.ofSeconds(20)).sample()).isEmpty();
    }

    @Test
    void aHangingNvidiaSmiIsKilledWithItsChildrenAtTheDeadline() throws Exception {
        FakeNvidiaSmi fake = FakeNvidiaSmi.in(dir.resolve("smi")).hang();
        long before = System.nanoTime();
        Optional<GpuSample> s = fake.smi(Duration.ofMillis(500)).sample();
        double took = (System.nanoTime() - before) / 1e9;
        assertThat(s).isEmpty();
        assertThat(took).as("seconds a 0.5 s deadline took").isLessThan(2.5);
        // The calls' children are gone too: nothing of a call is left holding its pipe.
        assertThat(fake.hangingChildren()).hasSize(3);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline && fake.hangingChildren().stream().anyMatch(NvidiaSmiTest::running)) {
            Thread.sleep(50);
        }
        assertThat(fake.hangingChildren()).noneMatch(NvidiaSmiTest::running);
    }

    private static boolean running(long pid) {
        return ProcessHandle.of(pid).filter(ProcessTree::running).isPresent();
    }

    @Test
    void allListsTheGpusOrIsBadInput() throws Exception {
        FakeNvidiaSmi fake = FakeNvidiaSmi.in(dir.resolve("smi"));
        fake.answer("L.txt", "GPU 0: NVIDIA H200 (UUID: GPU-a)\nGPU 1: NVIDIA H200 (UUID: GPU-b)\n");
        assertThat(fake.smi(Duration.ofSeconds(20)).listIndices()).containsExactly("0", "1");
        fake.answer("L.txt", "No devices were found\n");
        assertThatThrownBy(() -> fake.smi(Duration.ofSeconds(20)).listIndices()).isInstanceOf(AugctlException.class)
                .hasMessage("gpus all: 'nvidia-smi -L' lists no GPU; use --gpus none");
        fake.fail("L.txt");
        assertThatThrownBy(() -> fake.smi(Duration.ofSeconds(20)).listIndices())
                .hasMessage("gpus all: 'nvidia-smi -L' failed or did not answer within 20000 ms; "
                        + "list the GPUs (--gpus 0,1) or use --gpus none");
        AugctlException missing = (AugctlException) org.assertj.core.api.Assertions.catchThrowable(() ->
                new NvidiaSmi(dir.resolve("absent/nvidia-smi").toString(), Duration.ofSeconds(5)).listIndices());
        assertThat(missing.exitCode()).isEqualTo(ExitCode.USAGE);
        assertThat(missing).hasMessage("gpus all: " + dir.resolve("absent/nvidia-smi")
                + " is not on PATH (no NVIDIA driver here?); list the GPUs (--gpus 0,1) or use --gpus none");
    }
}
