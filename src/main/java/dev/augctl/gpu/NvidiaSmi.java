package dev.augctl.gpu;

import dev.augctl.common.AugctlException;
import dev.augctl.common.Programs;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs {@code nvidia-smi} (an argv, never a shell; stdin from /dev/null, stderr discarded) with a
 * deadline: a call that has not ended by then is killed with its children and counts as no answer.
 */
public final class NvidiaSmi {
    /** How long one reading (its three calls, run side by side) may take: {@code pmon -c 1} itself samples for about a second. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    static final List<String> LIST = List.of("-L");
    static final List<String> QUERY_GPU = List.of("--query-gpu=index,uuid,name,utilization.gpu,memory.used,memory.total",
            "--format=csv,noheader,nounits");
    static final List<String> QUERY_APPS = List.of("--query-compute-apps=pid,process_name,used_memory,gpu_uuid",
            "--format=csv,noheader,nounits");
    static final List<String> PMON = List.of("pmon", "-c", "1");

    private static final File DEV_NULL = new File("/dev/null");

    private final String program;
    private final Duration timeout;
    /** Set once the program could not be started at all: a machine without it is not asked again. */
    private volatile boolean missing;

    /**
     * @param program  the program: a path, or a name looked up on PATH
     * @param timeout  the deadline of one reading
     */
    public NvidiaSmi(String program, Duration timeout) {
        this.program = program;
        this.timeout = timeout;
    }

    /** {@code nvidia-smi} from PATH, with the default timeout. */
    public static NvidiaSmi onPath() {
        return new NvidiaSmi("nvidia-smi", DEFAULT_TIMEOUT);
    }

    /** The indices of the machine's GPUs ({@code nvidia-smi -L}); bad input when there is no answer or no GPU. */
    public List<String> listIndices() {
        if (!Programs.resolvable(program)) {
            throw AugctlException.badInput("gpus all: " + program + " is not on PATH (no NVIDIA driver here?); "
                    + "list the GPUs (--gpus 0,1) or use --gpus none");
        }
        Call call;
        try {
            call = start(LIST);
        } catch (IOException e) {
            throw AugctlException.badInput("gpus all: nvidia-smi cannot be run (" + e.getMessage()
                    + "); list the GPUs (--gpus 0,1) or use --gpus none");
        }
        Optional<String> out = call.await(System.nanoTime() + timeout.toNanos());
        if (out.isEmpty()) {
            throw AugctlException.badInput("gpus all: 'nvidia-smi -L' failed or did not answer within "
                    + timeout.toMillis() + " ms; list the GPUs (--gpus 0,1) or use --gpus none");
        }
        List<String> ids = SmiFormats.listIndices(out.get());
        if (ids.isEmpty()) {
            throw AugctlException.badInput("gpus all: 'nvidia-smi -L' lists no GPU; use --gpus none");
        }
        return ids;
    }

    /**
     * One reading of the GPUs and of the processes on them: the three calls run side by side and
     * share one deadline. Empty when nvidia-smi is missing, fails or does not answer in time; a
     * process list that did not come back is read as unknown (null), not as empty.
     */
    public Optional<GpuSample> sample() {
        if (missing || !Programs.resolvable(program)) {
            missing = true;
            return Optional.empty();
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Call> calls = new ArrayList<>();
        try {
            for (List<String> args : List.of(QUERY_GPU, QUERY_APPS, PMON)) {
                calls.add(start(args));
            }
        } catch (IOException e) {
            calls.forEach(Call::kill);
            missing = true;
            return Optional.empty();
        }
        Optional<String> gpus = calls.get(0).await(deadline);
        Optional<String> apps = calls.get(1).await(deadline);
        Optional<String> pmon = calls.get(2).await(deadline);
        if (gpus.isEmpty()) {
            return Optional.empty();
        }
        List<GpuSample.Device> devices = SmiFormats.devices(gpus.get());
        if (devices.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GpuSample(devices, apps.map(SmiFormats::apps).orElse(null),
                pmon.map(SmiFormats::pmon).orElse(null)));
    }

    private Call start(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(program);
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (DEV_NULL.exists()) {
            pb.redirectInput(ProcessBuilder.Redirect.from(DEV_NULL));
        }
        Process p = pb.start();
        // A thread of its own per call: a pool could queue one reader behind a hanging call's.
        CompletableFuture<String> output = new CompletableFuture<>();
        Thread reader = new Thread(() -> output.complete(readAll(p.getInputStream())), "augctl-nvidia-smi");
        reader.setDaemon(true);
        reader.start();
        return new Call(p, output);
    }

    private static String readAll(InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null; // the process was killed while we read
        }
    }

    /** One started call: its process and the reading of its output. */
    private record Call(Process process, CompletableFuture<String> output) {
        /** Its output if it exited with 0 before {@code deadline} (System.nanoTime); else it is killed. */
        Optional<String> await(long deadline) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                if (!process.waitFor(left, TimeUnit.NANOSECONDS)) {
                    kill();
                    return Optional.empty();
                }
                String text = output.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                return process.exitValue() == 0 && text != null ? Optional.of(text) : Optional.empty();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                kill();
                return Optional.empty();
            } catch (ExecutionException | TimeoutException e) {
                kill(); // a child that inherited its output still holds the pipe open
                return Optional.empty();
            }
        }

        void kill() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
