package dev.augctl.gpu;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The value of {@code gpus}: {@code none}, {@code all} (every GPU {@code nvidia-smi -L} lists) or a
 * comma-separated list of GPU indices or UUIDs, as {@code CUDA_VISIBLE_DEVICES} accepts them.
 *
 * @param all  every GPU of the machine
 * @param ids  the GPUs listed (empty for none and for all)
 */
public record GpuList(boolean all, List<String> ids) {
    private static final Pattern ID = Pattern.compile("\\d+|(GPU|MIG)-[0-9A-Za-z/-]+");

    public static final GpuList NONE = new GpuList(false, List.of());

    public GpuList {
        ids = List.copyOf(ids);
    }

    /** No GPU is assigned. */
    public boolean none() {
        return !all && ids.isEmpty();
    }

    /** Parses a value of {@code gpus}; a bad one is an {@link IllegalArgumentException} saying what is wrong. */
    public static GpuList parse(String value) {
        String v = value == null ? "" : value.strip();
        String lower = v.toLowerCase(Locale.ROOT);
        if (lower.equals("none")) {
            return NONE;
        }
        if (lower.equals("all")) {
            return new GpuList(true, List.of());
        }
        if (v.isEmpty()) {
            throw new IllegalArgumentException("must be none, all or a list of GPUs such as 0,1, got ''");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String part : v.split(",", -1)) {
            String id = part.strip();
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("must be none, all or a list of GPU indices or UUIDs such as 0,1; '"
                        + id + "' in '" + v + "' is not one");
            }
            if (!ids.add(id)) {
                throw new IllegalArgumentException("lists GPU " + id + " twice in '" + v + "'");
            }
        }
        return new GpuList(false, new ArrayList<>(ids));
    }

    @Override
    public String toString() {
        return all ? "all" : none() ? "none" : String.join(",", ids);
    }
}
