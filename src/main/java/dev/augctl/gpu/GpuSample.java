package dev.augctl.gpu;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/**
 * One reading of nvidia-smi: every GPU, the compute processes holding GPU memory, and the SM use
 * of each process ({@code pmon}). A list that nvidia-smi did not return is null (unknown).
 */
public record GpuSample(List<Device> devices, List<App> apps, List<ProcessLoad> loads) {
    /**
     * A GPU as {@code --query-gpu} reports it; a value nvidia-smi does not support is null.
     *
     * @param index           the GPU's index (as in CUDA_VISIBLE_DEVICES)
     * @param uuid            its UUID
     * @param name            its model
     * @param utilization     GPU utilisation, percent
     * @param memoryUsedMib   memory in use, MiB
     * @param memoryTotalMib  memory in all, MiB
     */
    @JsonPropertyOrder({"index", "uuid", "name", "utilization_percent", "memory_used_mib", "memory_total_mib"})
    public record Device(
            @JsonProperty("index") int index,
            @JsonProperty("uuid") String uuid,
            @JsonProperty("name") String name,
            @JsonProperty("utilization_percent") Integer utilization,
            @JsonProperty("memory_used_mib") Long memoryUsedMib,
            @JsonProperty("memory_total_mib") Long memoryTotalMib) {
    }

    /** A compute process holding memory on a GPU ({@code --query-compute-apps}). */
    public record App(long pid, String name, Long usedMib, String gpuUuid) {
    }

    /** One process's line of {@code pmon}: its SM %, null where pmon prints "-". */
    public record ProcessLoad(int gpu, long pid, Integer smPercent) {
    }

    /**
     * What the processes {@code pids} (a shard's tree) use on all GPUs together.
     *
     * @param memoryMib   GPU memory, MiB (null when the process list is unknown)
     * @param smPercent   SM % summed over the processes (null when pmon gave nothing)
     */
    public record Usage(Long memoryMib, Integer smPercent) {
    }

    public GpuSample {
        devices = List.copyOf(devices);
        apps = apps == null ? null : List.copyOf(apps);
        loads = loads == null ? null : List.copyOf(loads);
    }

    /** GPU memory and SM % of these processes, summed; zero when none of them is on a GPU. */
    public Usage usage(Collection<Long> pids) {
        Long memory = sum(apps, pids, App::pid, App::usedMib);
        Long sm = sum(loads, pids, ProcessLoad::pid, ProcessLoad::smPercent);
        return new Usage(memory, sm == null ? null : sm.intValue());
    }

    /** The values of the items whose pid is one of {@code pids}, summed; null when the list is unknown. */
    private static <T> Long sum(List<T> items, Collection<Long> pids, ToLongFunction<T> pid, Function<T, ? extends Number> value) {
        if (items == null) {
            return null;
        }
        long sum = 0;
        for (T item : items) {
            Number v = value.apply(item);
            if (v != null && pids.contains(pid.applyAsLong(item))) {
                sum += v.longValue();
            }
        }
        return sum;
    }
}
