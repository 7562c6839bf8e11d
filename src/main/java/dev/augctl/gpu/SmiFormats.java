package dev.augctl.gpu;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text formats of nvidia-smi: {@code -L}, the CSV of {@code --query-gpu} and
 * {@code --query-compute-apps} ({@code noheader,nounits}: fields separated by ", ", memory in MiB,
 * "[N/A]" or "[Not Supported]" for a value it lacks), and {@code pmon}'s space-padded columns,
 * found by the names of its first header line ("-" for no value). A line that does not parse is skipped.
 */
final class SmiFormats {
    private static final Pattern LIST_LINE = Pattern.compile("^GPU (\\d+): .*");

    private SmiFormats() {
    }

    /** The GPU indices of {@code nvidia-smi -L} (its MIG lines, indented, are not GPUs of their own). */
    static List<String> listIndices(String text) {
        List<String> ids = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = LIST_LINE.matcher(line.stripTrailing());
            if (m.matches()) {
                ids.add(m.group(1));
            }
        }
        return ids;
    }

    /** {@code --query-gpu=index,uuid,name,utilization.gpu,memory.used,memory.total}. */
    static List<GpuSample.Device> devices(String csv) {
        List<GpuSample.Device> out = new ArrayList<>();
        for (String[] f : rows(csv)) {
            if (f.length < 6 || integer(f[0]) == null) {
                continue;
            }
            // The name may hold a comma: it is everything between the UUID and the last three fields.
            String name = String.join(", ", Arrays.asList(f).subList(2, f.length - 3));
            Long util = integer(f[f.length - 3]);
            out.add(new GpuSample.Device(integer(f[0]).intValue(), f[1], name,
                    util == null ? null : util.intValue(), integer(f[f.length - 2]), integer(f[f.length - 1])));
        }
        return out;
    }

    /** {@code --query-compute-apps=pid,process_name,used_memory,gpu_uuid}. */
    static List<GpuSample.App> apps(String csv) {
        List<GpuSample.App> out = new ArrayList<>();
        for (String[] f : rows(csv)) {
            if (f.length < 4 || integer(f[0]) == null) {
                continue;
            }
            String name = String.join(", ", Arrays.asList(f).subList(1, f.length - 2));
            out.add(new GpuSample.App(integer(f[0]), name, integer(f[f.length - 2]), f[f.length - 1]));
        }
        return out;
    }

    /** {@code pmon -c 1}: the gpu, pid and sm columns, located by the header's names. */
    static List<GpuSample.ProcessLoad> pmon(String text) {
        List<GpuSample.ProcessLoad> out = new ArrayList<>();
        List<String> columns = null;
        for (String line : text.split("\n")) {
            String t = line.strip();
            if (t.startsWith("#")) {
                if (columns == null) {
                    columns = Arrays.asList(t.substring(1).strip().split("\\s+"));
                }
                continue;
            }
            if (t.isEmpty() || columns == null) {
                continue;
            }
            String[] f = t.split("\\s+");
            int gpu = columns.indexOf("gpu");
            int pid = columns.indexOf("pid");
            int sm = columns.indexOf("sm");
            if (gpu < 0 || pid < 0 || sm < 0 || f.length <= Math.max(gpu, Math.max(pid, sm))) {
                continue;
            }
            Long g = integer(f[gpu]);
            Long p = integer(f[pid]);
            Long s = integer(f[sm]);
            if (g != null && p != null) { // an idle GPU's line has "-" for its pid
                out.add(new GpuSample.ProcessLoad(g.intValue(), p, s == null ? null : s.intValue()));
            }
        }
        return out;
    }

    private static List<String[]> rows(String csv) {
        List<String[]> rows = new ArrayList<>();
        for (String line : csv.split("\n")) {
            if (!line.isBlank()) {
                rows.add(Arrays.stream(line.split(",")).map(String::strip).toArray(String[]::new));
            }
        }
        return rows;
    }

    /** A whole number, or null for "-", "[N/A]", "[Not Supported]" and anything else. */
    private static Long integer(String s) {
        try {
            return Long.parseLong(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
