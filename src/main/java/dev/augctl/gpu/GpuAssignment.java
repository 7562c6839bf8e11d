package dev.augctl.gpu;

import dev.augctl.common.AugctlException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which GPUs each shard gets: the GPUs form {@code G / K} slots of {@code K} consecutive GPUs, and
 * shard {@code i} gets slot {@code i mod slots} (with {@code K = 1}: the {@code (i mod G)}-th GPU).
 * When {@code K} does not divide {@code G}, the last {@code G mod K} GPUs are not used.
 */
public final class GpuAssignment {
    /** The variable CUDA (and PyTorch, TensorFlow, JAX) reads to choose the visible GPUs. */
    public static final String VARIABLE = "CUDA_VISIBLE_DEVICES";

    private final List<String> gpus;
    private final int perShard;

    /**
     * @param gpus      the GPUs, in order (indices or UUIDs); at least {@code perShard}
     * @param perShard  GPUs per shard, at least 1
     */
    public GpuAssignment(List<String> gpus, int perShard) {
        if (perShard < 1 || gpus.size() < perShard) {
            throw new IllegalArgumentException(perShard + " GPU(s) per shard out of " + gpus.size());
        }
        this.gpus = List.copyOf(gpus);
        this.perShard = perShard;
    }

    /**
     * The assignment for {@code list} on this machine: {@code all} asks {@code smi} for the GPUs; null
     * for none. Bad input (exit 2) when the GPUs cannot be listed or are fewer than {@code perShard}.
     */
    public static GpuAssignment resolve(GpuList list, int perShard, NvidiaSmi smi) {
        if (list.none()) {
            return null;
        }
        List<String> ids = list.all() ? smi.listIndices() : list.ids();
        if (ids.size() < perShard) {
            throw AugctlException.badInput("gpus_per_shard " + perShard + " needs at least " + perShard + " GPUs, but "
                    + (list.all() ? "nvidia-smi -L lists " : "gpus lists ") + ids.size());
        }
        return new GpuAssignment(ids, perShard);
    }

    public List<String> gpus() {
        return gpus;
    }

    public int perShard() {
        return perShard;
    }

    /** How many shards can have GPUs of their own at once. */
    public int slots() {
        return gpus.size() / perShard;
    }

    /** The GPUs of shard {@code shard}. */
    public List<String> of(int shard) {
        int first = (shard % slots()) * perShard;
        return new ArrayList<>(gpus.subList(first, first + perShard));
    }

    /** The value of {@value #VARIABLE} for shard {@code shard}, e.g. "0" or "2,3". */
    public String visibleDevices(int shard) {
        return String.join(",", of(shard));
    }

    /** One line when {@code concurrent} shards at once must share GPUs; empty when each has its own. */
    public Optional<String> sharingNote(int concurrent) {
        if (concurrent <= slots()) {
            return Optional.empty();
        }
        return Optional.of("note: " + concurrent + " shards at once on " + gpus.size() + " GPU(s), " + perShard
                + " per shard: shards i and i+" + slots() + " share GPUs (set --jobs " + slots()
                + " to give each running shard its own)");
    }
}
