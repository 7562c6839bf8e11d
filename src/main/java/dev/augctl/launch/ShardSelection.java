package dev.augctl.launch;

import dev.augctl.common.AugctlException;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** Parses a shard list such as {@code 2,5} or {@code 0-3,6} into sorted, distinct indices. */
public final class ShardSelection {
    private ShardSelection() {
    }

    /** The shards named by {@code list}, each checked to be in 0..numShards-1. */
    public static List<Integer> parse(String list, int numShards) {
        TreeSet<Integer> shards = new TreeSet<>();
        for (String part : list.split(",", -1)) {
            String p = part.trim();
            if (p.isEmpty()) {
                throw bad(list, "empty item");
            }
            int dash = p.indexOf('-', 1);
            int from = number(list, dash < 0 ? p : p.substring(0, dash));
            int to = dash < 0 ? from : number(list, p.substring(dash + 1));
            if (to < from) {
                throw bad(list, "range " + p + " goes backwards");
            }
            if (from < 0 || to >= numShards) {
                throw bad(list, "shard " + (from < 0 ? from : to) + " is out of range 0-" + (numShards - 1)
                        + " for " + numShards + " shards");
            }
            for (int i = from; i <= to; i++) {
                shards.add(i);
            }
        }
        return new ArrayList<>(shards);
    }

    private static int number(String list, String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw bad(list, "'" + s.trim() + "' is not a shard index");
        }
    }

    private static AugctlException bad(String list, String why) {
        return AugctlException.badInput("--shards '" + list + "': " + why + " (expected a list such as 2,5 or 0-3)");
    }
}
